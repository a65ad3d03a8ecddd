package container_policy.rules.dockerfile.gem_pin_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.gem_pin as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["gem", "install", "bundler"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["gem", "install", "bundler:2.5"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["gem", "install", "bundler", "-v", "2.5"])
}

test_exempt_package_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["gem", "install", "bundler"]) with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["bundler"]}
}

test_version_flag_pins_only_the_first_gem if {
	msgs := {f.msg | some f in rule.findings} with input as d.one_run(["gem", "install", "grpc", "-v", "1.2", "blunder"])
	count(msgs) == 1
	some m in msgs
	contains(m, "blunder")
}
