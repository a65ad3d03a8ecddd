package container_policy.rules.compose.logging_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.logging as rule

test_missing_and_none_are_caught if {
	t.paths(rule.findings) == {["services", "web"]} with input as t.doc([t.svc("web", {})])
	t.paths(rule.findings) == {["services", "web", "logging"]} with input as t.doc([t.svc("web", {"logging": {"driver": "none", "options": {}, "path": ["services", "web", "logging"]}})])
}

test_configured_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"logging": {"driver": "json-file", "options": {}, "path": ["services", "web", "logging"]}})])
}
