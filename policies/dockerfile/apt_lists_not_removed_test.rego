package container_policy.rules.dockerfile.apt_lists_not_removed_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.apt_lists_not_removed as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["apt-get", "update"], ["apt-get", "install", "-y", "curl"]], 0, 2)])
}

test_clean_alone_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["apt-get", "install", "x"], ["apt-get", "clean"]], 0, 2)])
}

test_removed_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["apt-get", "update"], ["rm", "-rf", "/var/lib/apt/lists/*"]], 0, 2)])
}

test_removed_in_a_later_run_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["apt-get", "update"]], 0, 2), d.run([["rm", "-rf", "/var/lib/apt/lists/*"]], 0, 3)])
}

test_cache_mount_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.run([["apt-get", "update"]], 0, 2), {"flagList": [{"name": "mount", "value": "type=cache,target=/var/lib/apt"}]})])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["apt-get", "update"]], 0, 2)])
}

# apt 2.7.8's dist-clean removes the lists; clean does not (above), nor a dist-clean in a later RUN.
test_dist_clean_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["apt-get", "update"], ["apt-get", "install", "-y", "gnupg"], ["apt-get", "dist-clean"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["apt", "update"], ["apt", "-y", "dist-clean"]], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["apt-get", "update"]], 0, 2), d.run([["apt-get", "dist-clean"]], 0, 3)])
}
