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

p(name, n, key) := {"name": name, "max_retries": n, "path": ["services", "web", key]}

test_each_written_policy_is_judged if {
	policies := [p("on-failure", 10, "restart"), p("on-failure", 10, "max_attempts")]
	paths := {f.path | some f in rule.findings} with input as t.doc([t.svc("web", {"restart": policies[1], "restart_policies": policies})])
	paths == {["services", "web", "restart"], ["services", "web", "max_attempts"]}
}

test_only_the_policy_over_the_limit_is_caught if {
	policies := [p("on-failure", 10, "restart"), p("on-failure", 5, "max_attempts")]
	rule.findings == {{
		"msg": "Service \"web\" restarts on failure with 10 retries (at most 5 allowed)",
		"path": ["services", "web", "restart"],
	}} with input as t.doc([t.svc("web", {"restart": policies[1], "restart_policies": policies})])
}
