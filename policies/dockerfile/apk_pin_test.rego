package container_policy.rules.dockerfile.apk_pin_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.apk_pin as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apk", "add", "--no-cache", "curl"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apk", "add", "--virtual", "deps", "curl"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apk", "add", "curl=8.9"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["apk", "add", "curl~8"])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_run(["apk", "update"])
}

test_exempt_package_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["apk", "add", "--no-cache", "curl"]) with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["curl"]}
}
