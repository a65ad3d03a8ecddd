package container_policy.rules.dockerfile.expose_ssh_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.expose_ssh as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("EXPOSE", ["80", "22/tcp"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("EXPOSE", ["2222"], 0, 2)])
}
