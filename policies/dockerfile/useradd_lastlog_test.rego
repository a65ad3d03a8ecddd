package container_policy.rules.dockerfile.useradd_lastlog_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.useradd_lastlog as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["useradd", "-u", "100000", "app"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["useradd", "-l", "-u", "100000", "app"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["useradd", "-u", "1000", "app"])
}
