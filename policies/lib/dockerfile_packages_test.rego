package container_policy.lib.dockerfile_packages_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.dockerfile_packages as packages

exempting(names) := {"dockerfile.unpinned_packages_exempt": names}

test_exempt_names_with_regex_metacharacters_are_compared_literally if {
	found := packages.unpinned("apt") with input as d.one_run(["apt-get", "install", "-y", "libstdc++6", "g++", "libc6"])
		with data.container_policy.settings as exempting(["g++", "libstdc++6", "lib.6"])
	{pkg | some [_, pkg] in found} == {"libc6"}
}

test_exempt_name_matches_with_a_version_separator_only if {
	packages.exempt_name("curl", "curl")
	packages.exempt_name("curl", "curl=7.88")
	packages.exempt_name("g++", "g++@1")
	not packages.exempt_name("curl", "curlie")
	not packages.exempt_name("c.rl", "curl")
	not packages.exempt_name("g++", "gg")
}
