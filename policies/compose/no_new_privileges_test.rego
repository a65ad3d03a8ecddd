package container_policy.rules.compose.no_new_privileges_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.no_new_privileges as rule

o(key, value) := {"key": key, "value": value, "path": ["services", "web", "security_opt", 0]}

test_missing_or_false_is_caught if {
	every opts in [[], [o("no-new-privileges", "false")], [o("seccomp", "default")]] {
		t.paths(rule.findings) == {["services", "web", "security_opt"]} with input as t.doc([t.svc("web", {"security_opt": opts})])
	}
}

test_set_is_not_caught if {
	every opts in [[o("no-new-privileges", "true")], [o("no-new-privileges", "")]] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"security_opt": opts})])
	}
}
