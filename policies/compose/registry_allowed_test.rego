package container_policy.rules.compose.registry_allowed_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.registry_allowed as rule

img(registry) := {"raw": "x", "registry": registry, "repository": "x", "tag": "1", "digest": null, "path": ["services", "web", "image"]}

test_other_registry_is_caught if {
	count(rule.findings) == 1 with input as t.doc([t.svc("web", {"image": img("docker.io")})])
		with data.container_policy.settings as {"compose.allowed_registries": ["ghcr.io"]}
}

test_allowed_registry_or_empty_list_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"image": img("ghcr.io")})])
		with data.container_policy.settings as {"compose.allowed_registries": ["ghcr.io"]}
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"image": img("docker.io")})])
}
