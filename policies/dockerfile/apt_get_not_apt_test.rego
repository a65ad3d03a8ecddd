package container_policy.rules.dockerfile.apt_get_not_apt_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.apt_get_not_apt as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apt", "install", "-y", "curl"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "curl"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["apt"])
}
