package container_policy.rules.compose.host_userns_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.host_userns as rule

test_host_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets userns_mode: \"host\", sharing the host's user namespace",
		"path": ["services", "web", "userns_mode"],
	}} with input as t.doc([t.svc("web", {"userns_mode": "host"})])
}

test_other_modes_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("a", {"userns_mode": "private"}), t.svc("b", {}), t.svc("c", {"userns_mode": "${MODE}"})])
}

# `userns_mode: host${X}` with X unset is `host` to compose, and the loader gives it so: its mark says a
# variable was read as blank, and does not make the value unknown.
test_host_from_a_blank_variable_is_caught if {
	marked := {"unresolved": [{"path": ["services", "web", "userns_mode"], "variables": ["X"]}]}
	t.paths(rule.findings) == {["services", "web", "userns_mode"]} with input as object.union(t.doc([t.svc("web", {"userns_mode": "host"})]), marked)
}
