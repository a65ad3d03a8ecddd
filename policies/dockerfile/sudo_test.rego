package container_policy.rules.dockerfile.sudo_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.sudo as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["sudo", "apt-get", "install", "-y", "x"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "x"])
}
