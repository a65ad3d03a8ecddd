package container_policy.rules.dockerfile.reserved_stage_name_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.reserved_stage_name as rule

test_caught if {
	d.lines(rule.findings) == {1} with input as d.named("scratch", [])
}

test_other_name_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([])
}
