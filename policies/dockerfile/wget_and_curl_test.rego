package container_policy.rules.dockerfile.wget_and_curl_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.wget_and_curl as rule

test_caught if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.run([["wget", "u"]], 0, 2), d.run([["curl", "u"]], 0, 3)])
}

test_one_tool_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "u"]], 0, 2), d.run([["curl", "v"]], 0, 3)])
}

test_different_stages_are_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["wget", "u"]], 0, 2), d.run([["curl", "u"]], 1, 11)])
}
