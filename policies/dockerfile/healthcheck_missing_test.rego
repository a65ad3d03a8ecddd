package container_policy.rules.dockerfile.healthcheck_missing_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.healthcheck_missing as rule

test_caught_0 if {
	d.lines(rule.findings) == {1} with input as d.one_stage([])
}

test_caught_1 if {
	d.lines(rule.findings) == {10} with input as d.two_stages([d.ins("HEALTHCHECK", ["CMD", "x"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("HEALTHCHECK", ["NONE"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as t.dockerfile([], [])
}
