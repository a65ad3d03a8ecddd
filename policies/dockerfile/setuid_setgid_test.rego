package container_policy.rules.dockerfile.setuid_setgid_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.setuid_setgid as rule

test_chmod_setting_the_bits_is_caught if {
	rule.findings == {{"msg": "chmod 4755 sets the setuid bit on /usr/bin/tool", "startLine": 2, "endLine": 2}} with input as d.one_run(["chmod", "4755", "/usr/bin/tool"])
	some f in rule.findings with input as d.one_run(["chmod", "+s", "/usr/bin/tool"])
	f.msg == "chmod +s sets the setuid and setgid bits on /usr/bin/tool"
	d.lines(rule.findings) == {2} with input as d.one_run(["chmod", "-R", "g+s", "/srv/shared"])
}

test_other_modes_and_builder_stages_pass if {
	count(rule.findings) == 0 with input as d.one_run(["chmod", "0755", "/usr/bin/tool"])
	count(rule.findings) == 0 with input as d.one_run(["chmod", "u-s", "/usr/bin/tool"])
	count(rule.findings) == 0 with input as d.two_stages([d.run([["chmod", "4755", "/x"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["chmod", "u+s", "/tmp/t"], ["/tmp/t"], ["rm", "/tmp/t"]], 0, 2)])
}

test_copy_chmod_is_caught if {
	some f in rule.findings with input as d.one_stage([d.flagged("COPY", {"chmod": "2755"}, ["tool", "/usr/bin/"], 0, 2)])
	f.msg == "COPY --chmod=2755 sets the setgid bit on what it copies"
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("COPY", {"chmod": "755"}, ["tool", "/usr/bin/"], 0, 2)])
}

# A builder stage's bit, copied into the shipped image, is found at the chmod that set it.
test_a_bit_copied_from_a_builder_stage_is_caught_at_its_chmod if {
	doc := d.two_stages([
		d.run([["chmod", "u+s", "/out/tool"], ["chmod", "4755", "/out/unshipped"]], 0, 3),
		d.flagged("COPY", {"from": "build"}, ["/out/tool", "/usr/bin/"], 1, 11),
	])
	rule.findings == {{"msg": "chmod u+s sets the setuid bit on /out/tool, which COPY --from=build on line 11 copies into the shipped image", "startLine": 3, "endLine": 3}} with input as doc
}
