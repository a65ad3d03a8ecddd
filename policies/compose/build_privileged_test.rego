package container_policy.rules.compose.build_privileged_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.build_privileged as rule

test_privileged_build_is_caught if {
	rule.findings == {{
		"msg": "Service \"app\" is built with build.privileged: true, so its RUN steps may leave the build sandbox",
		"path": ["services", "app", "build", "privileged"],
	}} with input as t.doc([t.svc("app", {"build": true, "build_privileged": {"value": true, "path": ["services", "app", "build", "privileged"]}})])
}

test_insecure_entitlement_is_caught_and_others_are_not if {
	entitlements := [
		{"name": "network.host", "path": ["services", "app", "build", "entitlements", 0]},
		{"name": "security.insecure", "path": ["services", "app", "build", "entitlements", 1]},
	]
	t.paths(rule.findings) == {["services", "app", "build", "entitlements", 1]} with input as t.doc([t.svc("app", {"build": true, "build_entitlements": entitlements})])
}

test_unprivileged_and_unknown_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([
		t.svc("a", {"build_privileged": {"value": false, "path": ["services", "a", "build", "privileged"]}}),
		t.svc("b", {"build_privileged": {"value": null, "path": ["services", "b", "build", "privileged"]}}),
		t.svc("c", {}),
	])
}
