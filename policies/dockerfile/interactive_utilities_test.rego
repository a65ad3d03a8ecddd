package container_policy.rules.dockerfile.interactive_utilities_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.interactive_utilities as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["top"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["ps", "-d"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["echo", "top"])
}
