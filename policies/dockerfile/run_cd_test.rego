package container_policy.rules.dockerfile.run_cd_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.run_cd as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["cd", "/app"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["make", "-C", "/app"])
}
