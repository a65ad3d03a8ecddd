package container_policy.rules.compose.pids_limit_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.pids_limit as rule

test_missing_limit_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" has no PIDs limit",
		"path": ["services", "web", "deploy", "resources", "limits", "pids"],
	}} with input as t.doc([t.svc("web", {})])
}

test_limit_is_not_caught if {
	limits := object.union(t.defaults("web").limits, {"pids": {"value": 1, "raw": 1, "path": ["services", "web", "x"]}})
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"limits": limits})])
}

test_unlimited_value_is_caught_at_its_key if {
	every value in [0, -1] {
		limits := object.union(t.defaults("web").limits, {"pids": {"value": value, "raw": value, "path": ["services", "web", "x"]}})
		rule.findings == {{
			"msg": sprintf("Service \"web\" sets its PIDs limit to %d, which means unlimited", [value]),
			"path": ["services", "web", "x"],
		}} with input as t.doc([t.svc("web", {"limits": limits})])
	}
}

test_unresolved_value_is_not_caught if {
	limits := object.union(t.defaults("web").limits, {"pids": {"value": null, "raw": "${LIMIT}", "path": ["services", "web", "x"]}})
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"limits": limits})])
}
