package container_policy.rules.dockerfile.trusted_registry_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.trusted_registry as rule

image(registry) := t.dockerfile([{"fromLine": 1, "image": object.union(t.image("x", "1", null), {"registry": registry})}], [])

test_unknown_registry_is_caught if {
	d.lines(rule.findings) == {1} with input as image("evil.example.com")
}

test_hub_is_trusted_by_default if {
	count(rule.findings) == 0 with input as image("docker.io")
}

test_setting_replaces_the_list if {
	count(rule.findings) == 1 with input as image("docker.io") with data.container_policy.settings as {"dockerfile.trusted_registries": ["ghcr.io"]}
}
