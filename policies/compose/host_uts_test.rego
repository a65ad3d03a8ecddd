package container_policy.rules.compose.host_uts_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.host_uts as rule

test_host_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets uts: \"host\", sharing the host's UTS namespace",
		"path": ["services", "web", "uts"],
	}} with input as t.doc([t.svc("web", {"uts": "host"})])
}

test_other_modes_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("a", {"uts": "private"}), t.svc("b", {}), t.svc("c", {"uts": "${MODE}"})])
}

# `uts: host${X}` with X unset is `host` to compose, and the loader gives it so: its mark says a
# variable was read as blank, and does not make the value unknown.
test_host_from_a_blank_variable_is_caught if {
	marked := {"unresolved": [{"path": ["services", "web", "uts"], "variables": ["X"]}]}
	t.paths(rule.findings) == {["services", "web", "uts"]} with input as object.union(t.doc([t.svc("web", {"uts": "host"})]), marked)
}
