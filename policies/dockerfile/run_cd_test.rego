package container_policy.rules.dockerfile.run_cd_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.run_cd as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["cd", "/app"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["make", "-C", "/app"])
}

# hadolint's DL3003 flags every cd; here only the first command (WORKDIR's job) and the last (no effect).
test_only_first_and_last_cd_are_caught if {
	doc := d.one_stage([
		d.run([["set", "-eux"], ["cd", "/src"], ["make"]], 0, 2),
		d.run([["curl", "-fsSLO", "https://e.org/a.tgz"], ["tar", "xf", "a.tgz"], ["cd", "a"], ["make", "install"], ["cd", ".."], ["rm", "-rf", "a"]], 0, 3),
		d.run([["make", "install"], ["cd", "/"]], 0, 4),
	])
	d.lines(rule.findings) == {2, 4} with input as doc
}

test_messages_say_which if {
	some first in rule.findings with input as d.one_stage([d.run([["cd", "/src"], ["make"]], 0, 2)])
	startswith(first.msg, `RUN starts with "cd /src"; use WORKDIR`)
	some last in rule.findings with input as d.one_run(["cd", "/app"])
	startswith(last.msg, `"cd /app" is the RUN's last command, so it changes nothing`)
}
