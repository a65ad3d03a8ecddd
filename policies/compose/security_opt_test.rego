package container_policy.rules.compose.security_opt_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.security_opt as rule

test_missing_is_caught if {
	t.paths(rule.findings) == {["services", "web"]} with input as t.doc([t.svc("web", {})])
}

test_present_is_not_caught if {
	opt := {"key": "no-new-privileges", "value": "true", "path": ["services", "web", "security_opt", 0]}
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"security_opt": [opt]})])
}
