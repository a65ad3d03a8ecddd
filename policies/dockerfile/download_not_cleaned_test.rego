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

test_removal_must_hold_the_file if {
	# A sibling directory whose name starts like the file's, and a removal in another RUN, remove nothing.
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["curl", "-o", "/tmp/x/a.zip", "https://e.org/a.zip"], ["rm", "-rf", "/tmp/xy/*"]], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["curl", "-o", "/tmp/a.zip", "https://e.org/a.zip"]], 0, 2), d.run([["rm", "/tmp/a.zip"]], 1, 3)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "/opt/d/e/a.zip", "https://e.org/a.zip"], ["rm", "-r", "/opt/d/"]], 0, 2)])
}

test_redirected_download_is_caught if {
	some f in rule.findings with input as d.redirected(["curl", "-fsSL", "https://e.org/a.tgz"], [{"op": ">", "to": "/tmp/a.tgz"}])
	contains(f.msg, "curl downloads /tmp/a.tgz")
}

# The shell expands an rm word's `*`: a glob that matches the download's name removes it.
test_glob_on_the_name_removes_it if {
	removes(["rm", "-f", "a-1.zip*"])
	removes(["rm", "/tmp/*.zip"])
	removes(["rm", "-f", "a-*.zip"])
	not removes(["rm", "-f", "b*"])
	not removes(["rm", "-f", "*.tar.gz"])
	not removes(["rm", "-f", "a.zip.*"])
	not removes(["rm", "-f", "a*.z*"])
}

removes(rm) if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "/tmp/a-1.zip", "https://e.org/a.zip"], rm], 0, 2)])
}
