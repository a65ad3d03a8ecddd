package container_policy.rules.dockerfile.copy_from_self_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.copy_from_self as rule

doc(from) := t.dockerfile([{"name": "build", "fromLine": 1}, {"name": "app", "fromLine": 3}], [d.flagged("COPY", {"from": from}, ["/a", "/b"], 1, 4)])

test_own_stage_is_caught if {
	d.lines(rule.findings) == {4} with input as doc("app")
	d.lines(rule.findings) == {4} with input as doc("1")
}

test_earlier_stage_is_not_caught if {
	count(rule.findings) == 0 with input as doc("build")
	count(rule.findings) == 0 with input as doc("0")
	count(rule.findings) == 0 with input as doc("nginx:1.27")
}

# A stage named with digits that copies from itself is one finding, not a conflict that fails the file.
test_stage_named_with_digits_is_one_finding if {
	doc := d.named("0", [d.flagged("COPY", {"from": "0"}, ["/a", "/b"], 0, 2)])
	count(rule.findings) == 1 with input as doc
	some f in rule.findings with input as doc
	endswith(f.msg, "names the stage it is in")
}
