package container_policy.rules.dockerfile.signature_check_disabled_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.signature_check_disabled as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apk", "add", "--allow-untrusted", "x.apk"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yum", "install", "-y", "--nogpgcheck", "x"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apk", "add", "--no-cache", "x"])
}
