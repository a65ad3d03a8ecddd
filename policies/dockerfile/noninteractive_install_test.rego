package container_policy.rules.dockerfile.noninteractive_install_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.noninteractive_install as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apt-get", "install", "curl"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["zypper", "install", "curl"])
}

test_caught_2 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yum", "install", "httpd"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "curl"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-qy", "curl"])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "-qq", "install", "curl"])
}

test_not_caught_3 if {
	count(rule.findings) == 0 with input as d.one_run(["zypper", "-n", "install", "x"])
}

test_not_caught_4 if {
	count(rule.findings) == 0 with input as d.one_run(["dnf", "install", "--assumeyes", "x"])
}

test_not_caught_5 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "--yes", "install", "x"])
}

test_not_caught_6 if {
	count(rule.findings) == 0 with input as d.one_run(["microdnf", "install", "x"])
}

test_apt_quiet_level_two_is_not_caught if {
	every words in [
		["apt-get", "-qq", "install", "curl"], ["apt-get", "-q=2", "install", "curl"],
		["apt-get", "-q", "-q", "install", "curl"], ["apt-get", "--quiet", "--quiet", "install", "curl"],
	] {
		count(rule.findings) == 0 with input as d.one_run(words)
	}
}

test_apt_quiet_level_one_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apt-get", "-q", "install", "curl"])
}

test_quiet_count_forms if {
	rule.quiet_count("-q=2") == 2
	rule.quiet_count("--quiet=3") == 3
	rule.quiet_count("--quiet") == 1
	rule.quiet_count("-qqy") == 2
	every w in ["-q=12", "-q=", "-qQ", "-q2", "--quiet=x", "-y"] {
		not rule.quiet_count(w)
	}
}
