package container_policy.rules.compose.no_new_privileges_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.no_new_privileges as rule

o(key, value, index) := {"key": key, "value": value, "path": ["services", "web", "security_opt", index]}

with_opts(opts) := t.doc([t.svc("web", {"security_opt": opts})])

test_missing_is_caught if {
	every opts in [[], [o("seccomp", "default", 0)]] {
		rule.findings == {{
			"msg": "Service \"web\" does not set no-new-privileges",
			"path": ["services", "web", "security_opt"],
		}} with input as with_opts(opts)
	}
}

test_false_is_caught_at_the_entry if {
	rule.findings == {{
		"msg": "Service \"web\" turns no-new-privileges off: its last entry for it is \"false\", and the last one decides",
		"path": ["services", "web", "security_opt", 0],
	}} with input as with_opts([o("no-new-privileges", "false", 0)])
}

test_the_last_entry_decides if {
	t.paths(rule.findings) == {["services", "web", "security_opt", 2]} with input as with_opts([
		o("no-new-privileges", "true", 0),
		o("seccomp", "default", 1),
		o("no-new-privileges", "false", 2),
	])
	count(rule.findings) == 0 with input as with_opts([o("no-new-privileges", "false", 0), o("no-new-privileges", "true", 1)])
}

test_set_is_not_caught if {
	every value in ["true", "True", "TRUE", "", "1", "t"] {
		count(rule.findings) == 0 with input as with_opts([o("no-new-privileges", value, 0)])
	}
}

test_a_value_the_daemon_refuses_is_caught if {
	every value in ["yes", "on", "2"] {
		count(rule.findings) == 1 with input as with_opts([o("no-new-privileges", value, 0)])
	}
}
