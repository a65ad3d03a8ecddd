package container_policy.rules.dockerfile.package_upgrade_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.package_upgrade as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apt-get", "-y", "dist-upgrade"])
}

test_pacman_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["pacman", "-Syu", "--noconfirm"])
}

test_named_packages_are_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["yum", "-y", "update", "openssl"])
}

test_install_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "--only-upgrade", "openssl"])
}
