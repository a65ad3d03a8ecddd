package container_policy.rules.dockerfile.apk_no_cache_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.apk_no_cache as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apk", "add", "curl"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apk", "add", "--no-cache", "curl"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["apk", "add", "x"], ["rm", "-rf", "/var/cache/apk/*"]], 0, 2)])
}

# A builder stage's layers do not ship; a stage the final image is built on (FROM build) does.
test_builder_stage_is_not_caught if {
	install := d.run([["apk", "add", "gcc"]], 0, 2)
	count(rule.findings) == 0 with input as d.two_stages([install])
	d.lines(rule.findings) == {2} with input as d.chained([install])
}
