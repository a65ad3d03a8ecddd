package container_policy.rules.dockerfile.rpm_pin_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.dockerfile_packages as packages
import data.container_policy.rules.dockerfile.rpm_pin as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yum", "install", "-y", "httpd"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["zypper", "install", "-y", "curl"])
}

test_caught_2 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["dnf", "install", "-y", "git"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["yum", "install", "-y", "httpd-2.4.57"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["zypper", "in", "-y", "curl=8.0"])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_run(["dnf", "install", "-y", "/tmp/x.rpm"])
}

test_exempt_package_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["yum", "install", "-y", "httpd"]) with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["httpd"]}
}

# A version is a dash and a digit after the last `/`, or an operator anywhere.
test_rpm_pinned_forms if {
	every pkg in ["curl-7.61.1", "x/curl-7", "curl=7", "curl>=7", "a-1/b<2"] {
		packages.pinned("rpm", pkg)
	}
	every pkg in ["curl", "curl-devel", "x-1/curl", "curl-", "curl-x1"] {
		not packages.pinned("rpm", pkg)
	}
}
