package container_policy.rules.compose.host_pid_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.host_pid as rule

test_host_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets pid: \"host\", sharing the host's process namespace",
		"path": ["services", "web", "pid"],
	}} with input as t.doc([t.svc("web", {"pid": "host"})])
}

test_other_modes_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("a", {"pid": "private"}), t.svc("b", {}), t.svc("c", {"pid": "${MODE}"})])
}

# `pid: host${X}` with X unset is `host` to compose, and the loader gives it so: its mark says a
# variable was read as blank, and does not make the value unknown.
test_host_from_a_blank_variable_is_caught if {
	marked := {"unresolved": [{"path": ["services", "web", "pid"], "variables": ["X"]}]}
	t.paths(rule.findings) == {["services", "web", "pid"]} with input as object.union(t.doc([t.svc("web", {"pid": "host"})]), marked)
}
