package container_policy.rules.dockerfile.copy_from_index_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.copy_from_index as rule

test_index_is_caught if {
	d.lines(rule.findings) == {3} with input as d.two_stages([d.flagged("COPY", {"from": "0"}, ["a", "b"], 1, 3)])
}

test_name_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.flagged("COPY", {"from": "build"}, ["a", "b"], 1, 3)])
}
