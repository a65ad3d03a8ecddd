package container_policy.rules.dockerfile.download_not_cleaned_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.download_not_cleaned as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["curl", "-o", "/tmp/a.tar.gz", "https://e.org/a.tar.gz"])
}

test_removed_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["wget", "https://e.org/a.deb"], ["dpkg", "-i", "a.deb"], ["rm", "a.deb"]], 0, 2)])
}

test_directory_removed_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "/tmp/x/a.zip", "https://e.org/a.zip"], ["rm", "-rf", "/tmp/x/*"]], 0, 2)])
}

test_binary_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["curl", "-o", "/usr/local/bin/tini", "https://e.org/tini"])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["curl", "-o", "a.zip", "https://e.org/a.zip"]], 0, 2)])
}
