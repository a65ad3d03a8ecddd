package container_policy.rules.dockerfile.package_cache_not_cleaned_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.package_cache_not_cleaned as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["dnf", "install", "-y", "x"])
}

test_cleaned_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["yum", "install", "-y", "x"], ["yum", "clean", "all"]], 0, 2)])
}

test_cache_removed_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["zypper", "in", "-y", "x"], ["rm", "-rf", "/var/cache/zypp"]], 0, 2)])
}

test_cache_mount_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.run([["dnf", "install", "x"]], 0, 2), {"flagList": [{"name": "mount", "value": "type=cache,target=/var/cache/dnf"}]})])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["dnf", "install", "x"]], 0, 2)])
}
