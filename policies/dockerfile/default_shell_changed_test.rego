package container_policy.rules.dockerfile.default_shell_changed_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.default_shell_changed as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["ln", "-sfv", "/bin/bash", "/bin/sh"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["powershell", "-command"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["ln", "-s", "/a", "/b"])
}
