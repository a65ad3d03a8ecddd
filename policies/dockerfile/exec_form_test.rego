package container_policy.rules.dockerfile.exec_form_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.exec_form as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([object.union(d.ins("CMD", ["node", "s.js"], 0, 2), {"form": "shell"})])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.ins("CMD", ["node", "s.js"], 0, 2), {"form": "exec"})])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([object.union(d.ins("CMD", ["node", "s.js"], 0, 2), {"form": "shell"})])
}

test_final_stage_is_caught if {
	d.lines(rule.findings) == {11} with input as d.two_stages([object.union(d.ins("ENTRYPOINT", ["node"], 1, 11), {"form": "shell"})])
}
