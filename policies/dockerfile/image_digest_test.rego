package container_policy.rules.dockerfile.image_digest_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.image_digest as rule

test_tag_only_is_caught if {
	d.lines(rule.findings) == {1} with input as d.one_stage([])
}

test_digest_is_not_caught if {
	count(rule.findings) == 0 with input as t.dockerfile([{"fromLine": 1, "image": t.image("a@sha256:1", null, "sha256:1")}], [])
}
