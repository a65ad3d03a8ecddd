package container_policy.rules.dockerfile.onbuild_misuse_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.onbuild_misuse as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ONBUILD", ["from", "x"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ONBUILD", ["RUN", "x"], 0, 2)])
}
