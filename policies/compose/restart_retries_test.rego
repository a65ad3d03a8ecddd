package container_policy.rules.compose.restart_retries_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.restart_retries as rule

r(name, n) := {"name": name, "max_retries": n, "path": ["services", "web", "restart"]}

test_unlimited_and_too_many_are_caught if {
	every policy in [r("on-failure", null), r("on-failure", 0), r("on-failure", 10)] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", {"restart": policy})])
	}
	rule.findings == {{
		"msg": "Service \"web\" restarts on failure with unlimited retries (at most 5 allowed)",
		"path": ["services", "web", "restart"],
	}} with input as t.doc([t.svc("web", {"restart": r("on-failure", null)})])
}

test_limited_or_other_policies_are_not_caught if {
	every policy in [r("on-failure", 5), r("on-failure", 3), r("always", null), null] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"restart": policy})])
	}
}
