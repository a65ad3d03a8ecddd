package container_policy.rules.compose.build_network_host_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.build_network_host as rule

test_host_network_build_is_caught if {
	rule.findings == {{
		"msg": "Service \"app\" is built with build.network: host, so its RUN steps share the build host's network",
		"path": ["services", "app", "build", "network"],
	}} with input as t.doc([t.svc("app", {"build": true, "build_network": {"value": "Host", "path": ["services", "app", "build", "network"]}})])
}

test_host_entitlement_is_caught_and_others_are_not if {
	entitlements := [
		{"name": "network.host", "path": ["services", "app", "build", "entitlements", 0]},
		{"name": "security.insecure", "path": ["services", "app", "build", "entitlements", 1]},
	]
	t.paths(rule.findings) == {["services", "app", "build", "entitlements", 0]} with input as t.doc([t.svc("app", {"build": true, "build_entitlements": entitlements})])
}

test_other_build_networks_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([
		t.svc("a", {"build_network": {"value": "none", "path": ["services", "a", "build", "network"]}}),
		t.svc("b", {"build_network": {"value": "default", "path": ["services", "b", "build", "network"]}}),
		t.svc("c", {"build_network": {"value": "", "path": ["services", "c", "build", "network"]}}),
		t.svc("d", {"build_network": null}),
		t.svc("e", {}),
	])
}
