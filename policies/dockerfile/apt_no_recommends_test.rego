package container_policy.rules.dockerfile.apt_no_recommends_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.apt_no_recommends as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apt-get", "install", "-y", "curl"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "install", "-y", "--no-install-recommends", "curl"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "-o", "APT::Install-Recommends=false", "install", "x"])
}

test_option_case_is_ignored if {
	count(rule.findings) == 0 with input as d.one_run(["apt-get", "-oapt::install-recommends=0", "install", "x"])
}

# A builder stage's packages do not ship; a stage the final image is built on (FROM build) does.
test_builder_stage_is_not_caught if {
	install := d.run([["apt-get", "install", "-y", "gcc"]], 0, 2)
	count(rule.findings) == 0 with input as d.two_stages([install])
	d.lines(rule.findings) == {2} with input as d.chained([install])
}
