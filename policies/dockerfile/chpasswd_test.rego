package container_policy.rules.dockerfile.chpasswd_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.chpasswd as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["chpasswd"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["passwd", "-l", "root"])
}
