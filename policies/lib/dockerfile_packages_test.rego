package container_policy.lib.dockerfile_packages_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.dockerfile_packages as packages

exempting(names) := {"dockerfile.unpinned_packages_exempt": names}

test_exempt_names_with_regex_metacharacters_are_compared_literally if {
	found := packages.unpinned("apt") with input as d.one_run(["apt-get", "install", "-y", "libstdc++6", "g++", "libc6"])
		with data.container_policy.settings as exempting(["g++", "libstdc++6", "lib.6"])
	[pkgs | some [_, pkgs] in found] == [["libc6"]]
}

test_exempt_name_matches_with_a_version_separator_only if {
	packages.exempt_name("curl", "curl")
	packages.exempt_name("curl", "curl=7.88")
	packages.exempt_name("g++", "g++@1")
	not packages.exempt_name("curl", "curlie")
	not packages.exempt_name("c.rl", "curl")
	not packages.exempt_name("g++", "gg")
}

# One finding per install command, naming its packages in order; a long list is cut after eight.
test_one_message_per_command if {
	cmd := {"program": "apt-get"}
	packages.message(cmd, ["curl"], "pin") == `apt-get installs "curl" without a version (pin)`
	packages.message(cmd, ["curl", "git"], "pin") == `apt-get installs 2 packages without a version: "curl" and "git" (pin)`
	packages.message(cmd, ["a", "b", "c"], "pin") == `apt-get installs 3 packages without a version: "a", "b" and "c" (pin)`
	many := [sprintf("p%d", [i]) | some i in numbers.range(1, 11)]
	packages.message(cmd, many, "pin") == `apt-get installs 11 packages without a version: "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8" and 3 more (pin)`
}
