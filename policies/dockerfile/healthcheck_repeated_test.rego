package container_policy.rules.dockerfile.healthcheck_repeated_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.healthcheck_repeated as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("HEALTHCHECK", ["NONE"], 0, 2), d.ins("HEALTHCHECK", ["CMD", "x"], 0, 3)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("HEALTHCHECK", ["NONE"], 0, 2)])
}
