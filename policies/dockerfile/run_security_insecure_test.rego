package container_policy.rules.dockerfile.run_security_insecure_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.run_security_insecure as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.flagged("RUN", {"security": "insecure"}, ["x"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("RUN", {"security": "sandbox"}, ["x"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("RUN", {"mount": "type=secret,id=t"}, ["x"], 0, 2)])
}

test_quoted_values_are_caught if {
	every value in ["\"insecure\"", "'insecure'", "in\"sec\"ure"] {
		d.lines(rule.findings) == {2} with input as d.one_stage([d.flagged("RUN", {"security": value}, ["x"], 0, 2)])
	}
}
