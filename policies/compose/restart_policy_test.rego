package container_policy.rules.compose.restart_policy_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.restart_policy as rule

test_missing_and_no_are_caught if {
	t.paths(rule.findings) == {["services", "web"]} with input as t.doc([t.svc("web", {})])
	t.paths(rule.findings) == {["services", "web", "restart"]} with input as t.doc([t.svc("web", {"restart": {"name": "no", "max_retries": null, "path": ["services", "web", "restart"]}})])
}

test_policy_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"restart": {"name": "always", "max_retries": null, "path": ["services", "web", "restart"]}})])
}
