package container_policy.rules.dockerfile.wget_progress_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.wget_progress as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["wget", "-O", "a", "https://e.org/a"])
}

test_quiet_is_not_caught if {
	every words in [["wget", "-qO-", "u"], ["wget", "-nv", "u"], ["wget", "--progress=dot:giga", "u"]] {
		count(rule.findings) == 0 with input as d.one_run(words)
	}
}
