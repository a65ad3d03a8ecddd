package container_policy.rules.compose.host_network_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.host_network as rule

test_host_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets network_mode: \"host\", sharing the host's network stack",
		"path": ["services", "web", "network_mode"],
	}} with input as t.doc([t.svc("web", {"network_mode": "host"})])
}

test_other_modes_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("a", {"network_mode": "private"}), t.svc("b", {}), t.svc("c", {"network_mode": "${MODE}"})])
}
