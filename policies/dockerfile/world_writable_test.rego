package container_policy.rules.dockerfile.world_writable_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.world_writable as rule

test_world_writable_chmod_is_caught if {
	rule.findings == {{"msg": "chmod 777 makes /app writable by every user in the container", "startLine": 2, "endLine": 2}} with input as d.one_run(["chmod", "-R", "777", "/app", "/srv"])
	d.lines(rule.findings) == {2} with input as d.one_run(["chmod", "a+rwx", "/app"])
	d.lines(rule.findings) == {2} with input as d.one_run(["chmod", "o+w", "/etc/app.conf"])
}

test_options_after_the_mode_and_files_the_run_removes if {
	some f in rule.findings with input as d.one_run(["chmod", "777", "-R", "/srv/app"])
	f.msg == "chmod 777 makes /srv/app writable by every user in the container"
	removed := d.one_stage([d.run([["chmod", "777", "$tempDir/"], ["make"], ["rm", "-rf", "$tempDir"]], 0, 2)])
	count(rule.findings) == 0 with input as removed
	inside := d.one_stage([d.run([["chmod", "-R", "a+w", "/opt/x/cache", "/opt/y"], ["rm", "-rf", "/opt/x/"]], 0, 2)])
	some g in rule.findings with input as inside
	g.msg == "chmod a+w makes /opt/y writable by every user in the container"
}

# `rm -rf /opt/x/*` empties /opt/x: what was chmodded in it does not ship; /opt/x itself does.
test_a_file_under_a_directory_the_run_empties_is_removed if {
	emptied := d.one_stage([d.run([["chmod", "777", "/opt/x/cache", "/opt/x"], ["rm", "-rf", "/opt/x/*"]], 0, 2)])
	{f.msg | some f in rule.findings} == {"chmod 777 makes /opt/x writable by every user in the container"} with input as emptied
}

test_sticky_directories_user_modes_and_builders_pass if {
	count(rule.findings) == 0 with input as d.one_run(["chmod", "1777", "/tmp/cache"])
	count(rule.findings) == 0 with input as d.one_run(["chmod", "775", "/app"])
	count(rule.findings) == 0 with input as d.one_run(["chmod", "+w", "/app"])
	count(rule.findings) == 0 with input as d.one_run(["chmod", "--reference=/tmp", "/app"])
	count(rule.findings) == 0 with input as d.two_stages([d.run([["chmod", "777", "/x"]], 0, 2)])
}

test_copy_chmod_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.flagged("ADD", {"chmod": "666"}, ["a.conf", "/etc/"], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("COPY", {"chmod": "644"}, ["a.conf", "/etc/"], 0, 2)])
}

# A builder stage's mode, copied into the shipped image, is found at the chmod that set it.
test_a_mode_copied_from_a_builder_stage_is_caught_at_its_chmod if {
	doc := d.two_stages([
		d.run([["chmod", "-R", "777", "/out/www"], ["chmod", "1777", "/out/tmp"]], 0, 3),
		d.flagged("COPY", {"from": "build"}, ["/out", "/srv/"], 1, 11),
	])
	rule.findings == {{"msg": "chmod 777 makes /out/www writable by every user, and COPY --from=build on line 11 copies it into the shipped image", "startLine": 3, "endLine": 3}} with input as doc
}
