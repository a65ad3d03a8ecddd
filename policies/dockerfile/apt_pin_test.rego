package container_policy.rules.dockerfile.apt_pin_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.apt_pin as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apt-get", "install", "-y", "curl"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apt", "install", "-y", "-t", "bookworm", "curl"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "curl=8.5"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "./local.deb"])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "$PKGS"])
}

test_not_caught_3 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "update"])
}

test_exempt_package_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "curl"]) with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["curl"]}
}

# One finding per install command: the pinned and exempt packages left out of its list.
test_one_finding_per_command if {
	doc := d.one_stage([d.run([["apt-get", "install", "-y", "curl", "git=1:2.39", "ca-certificates", "make"], ["apt-get", "install", "-y", "jq"]], 0, 2)])
	msgs := [f.msg | some f in rule.findings] with input as doc
		with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["ca-certificates"]}
	sort(msgs) == [
		"apt-get installs \"jq\" without a version (write `name=version`)",
		"apt-get installs 2 packages without a version: \"curl\" and \"make\" (write `name=version`)",
	]
}
