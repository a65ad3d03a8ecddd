package container_policy.rules.dockerfile.run_network_host_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.run_network_host as rule

test_host_network_is_caught if {
	every value in ["host", "HOST", "\"host\"", "'host'"] {
		d.lines(rule.findings) == {2} with input as d.one_stage([d.flagged("RUN", {"network": value}, ["x"], 0, 2)])
	}
}

test_other_networks_are_not_caught if {
	every value in ["none", "default", "hostile"] {
		count(rule.findings) == 0 with input as d.one_stage([d.flagged("RUN", {"network": value}, ["x"], 0, 2)])
	}
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("RUN", {"security": "sandbox"}, ["x"], 0, 2)])
}
