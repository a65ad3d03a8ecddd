package container_policy.rules.dockerfile.npm_pin_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.npm_pin as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["npm", "install", "-g", "typescript"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["npm", "i", "@scope/pkg"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["npm", "install"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["npm", "ci"])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_run(["npm", "install", "typescript@5.4"])
}

test_not_caught_3 if {
	count(rule.findings) == 0 with input as d.one_run(["npm", "install", "@scope/pkg@1.2"])
}

test_exempt_package_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["npm", "install", "-g", "typescript"]) with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["typescript"]}
}

test_git_url_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["npm", "install", "git://github.com/npm/cli.git"])
}
