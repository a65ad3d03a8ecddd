package container_policy.rules.dockerfile.healthcheck_repeated_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.healthcheck_repeated as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("HEALTHCHECK", ["NONE"], 0, 2), d.ins("HEALTHCHECK", ["CMD", "x"], 0, 3)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("HEALTHCHECK", ["NONE"], 0, 2)])
}

# Each overridden HEALTHCHECK once, naming the next one of its stage.
test_each_once_naming_the_next if {
	doc := d.one_stage([d.ins("HEALTHCHECK", ["NONE"], 0, 2), d.ins("HEALTHCHECK", ["CMD", "x"], 0, 3), d.ins("HEALTHCHECK", ["CMD", "y"], 0, 4)])
	{f.msg | some f in rule.findings} == {"HEALTHCHECK is overridden by the one on line 3", "HEALTHCHECK is overridden by the one on line 4"} with input as doc
}
