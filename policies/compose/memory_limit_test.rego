package container_policy.rules.compose.memory_limit_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.memory_limit as rule

test_missing_limit_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" has no memory limit",
		"path": ["services", "web", "deploy", "resources", "limits", "memory"],
	}} with input as t.doc([t.svc("web", {})])
}

test_limit_is_not_caught if {
	limits := object.union(t.defaults("web").limits, {"memory": {"value": 1, "raw": 1, "path": ["services", "web", "x"]}})
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"limits": limits})])
}
