package container_policy.rules.dockerfile.multiple_cmd_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.multiple_cmd as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("CMD", ["a"], 0, 2), d.ins("CMD", ["b"], 0, 3)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("CMD", ["a"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.two_stages([d.ins("CMD", ["a"], 0, 2), d.ins("CMD", ["b"], 1, 11)])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.ins("CMD", ["a"], 0, 2), d.ins("CMD", ["b"], 0, 3), d.ins("CMD", ["c"], 1, 11)])
}
