package container_policy.rules.dockerfile.port_out_of_range_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.port_out_of_range as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("EXPOSE", ["65536"], 0, 2)])
}

test_caught_1 if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.ins("EXPOSE", ["8000-70000/udp"], 0, 3)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("EXPOSE", ["65535", "$PORT"], 0, 2)])
}
