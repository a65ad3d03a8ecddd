package container_policy.rules.dockerfile.approved_base_image_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.approved_base_image as rule

doc := t.dockerfile([{"fromLine": 1, "image": object.union(t.image("node:20", "20", null), {"repository": "library/node"})}], [])

test_inactive_by_default if {
	count(rule.findings) == 0 with input as doc
}

test_unapproved_is_caught if {
	d.lines(rule.findings) == {1} with input as doc with data.container_policy.settings as {"dockerfile.approved_base_images": ["docker.io/library/python"]}
}

test_exact_and_prefix_match if {
	count(rule.findings) == 0 with input as doc with data.container_policy.settings as {"dockerfile.approved_base_images": ["docker.io/library/node"]}
	count(rule.findings) == 0 with input as doc with data.container_policy.settings as {"dockerfile.approved_base_images": ["docker.io/library/"]}
}
