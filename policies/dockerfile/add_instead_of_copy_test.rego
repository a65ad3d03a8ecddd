package container_policy.rules.dockerfile.add_instead_of_copy_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.add_instead_of_copy as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ADD", ["app.py", "/app/"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ADD", ["rootfs.tar.gz", "/"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", ["app.py", "/app/"], 0, 2)])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ADD", ["https://x/y", "/y"], 0, 2)])
}
