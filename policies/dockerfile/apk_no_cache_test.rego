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
