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

test_each_stage_is_judged_on_its_own if {
	findings := rule.findings with input as d.two_stages([
		d.run([["curl", "u"]], 0, 2), d.run([["wget", "u"]], 0, 3), d.run([["wget", "v"]], 0, 4),
		d.run([["wget", "u"]], 1, 11), d.run([["curl", "u"]], 1, 12),
	])
	{[f.startLine, f.msg] | some f in findings} == {
		[3, "wget is used here and curl on line 2 in the same stage"],
		[4, "wget is used here and curl on line 2 in the same stage"],
		[12, "curl is used here and wget on line 11 in the same stage"],
	}
}
