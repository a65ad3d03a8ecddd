package container_policy.rules.dockerfile.maintainer_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.maintainer as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("MAINTAINER", ["me"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("LABEL", ["a=b"], 0, 2)])
}
