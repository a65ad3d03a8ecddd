package container_policy.rules.dockerfile.shell_syntax_error_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.shell_syntax_error as rule

test_caught_0 if {
	d.lines(rule.findings) == {3} with input as d.one_stage([object.union(d.ins("RUN", ["x"], 0, 2), {"shellError": {"line": 3, "message": "m"}})])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("RUN", ["x"], 0, 2)])
}
