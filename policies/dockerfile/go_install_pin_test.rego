package container_policy.rules.dockerfile.go_install_pin_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.go_install_pin as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["go", "install", "example.com/tool@latest"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["go", "install", "example.com/tool"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["go", "install", "example.com/tool@v1.2.3"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["go", "install", "./..."])
}

test_exempt_package_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["go", "install", "example.com/tool@latest"]) with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["example.com/tool@latest"]}
}
