package container_policy.rules.compose.escape_capabilities_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.escape_capabilities as rule

cap(name, i) := {"name": name, "path": ["services", "web", "cap_add", i]}

test_reaching_capabilities_are_caught_each_at_its_line if {
	caps := [cap("NET_ADMIN", 0), cap("SYS_ADMIN", 1), cap("ALL", 2), cap("DAC_READ_SEARCH", 3)]
	t.paths(rule.findings) == {["services", "web", "cap_add", 1], ["services", "web", "cap_add", 2], ["services", "web", "cap_add", 3]} with input as t.doc([t.svc("web", {"cap_add": caps})])
}

test_message_names_the_capability if {
	[f.msg | some f in rule.findings] == ["Service \"web\" adds capability SYS_MODULE, which reaches past the container"] with input as t.doc([t.svc("web", {"cap_add": [cap("SYS_MODULE", 0)]})])
}

test_narrow_capabilities_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"cap_add": [cap("NET_BIND_SERVICE", 0), cap("CHOWN", 1)]})])
}
