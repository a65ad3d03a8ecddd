package container_policy.rules.dockerfile.update_alone_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.update_alone as rule

test_caught if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.run([["apt-get", "update"]], 0, 2), d.run([["apt-get", "install", "-y", "x"]], 0, 3)])
}

test_pacman_is_caught if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.run([["pacman", "-Syu"]], 0, 2), d.run([["pacman", "-S", "x"]], 0, 3)])
}

test_zypper_is_caught if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.run([["zypper", "refresh"]], 0, 2), d.run([["zypper", "in", "x"]], 0, 3)])
}

test_same_run_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["apk", "update"], ["apk", "add", "x"]], 0, 2), d.run([["apk", "--update", "add", "y"]], 0, 3)])
}

test_update_without_install_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["dnf", "install", "x"]], 0, 2), d.run([["dnf", "makecache"]], 0, 3)])
}

test_other_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["apt-get", "update"]], 0, 2), d.run([["apt-get", "install", "x"]], 1, 11)])
}

# One finding per install, naming the first RUN of its stage that refreshed alone.
test_one_finding_per_install if {
	doc := d.one_stage([d.run([["apt-get", "update"]], 0, 2), d.run([["apt-get", "update"]], 0, 3), d.run([["apt-get", "install", "-y", "x"]], 0, 4)])
	[f.msg | some f in rule.findings] == ["apt-get installs from the index refreshed alone by the RUN on line 2"] with input as doc
}
