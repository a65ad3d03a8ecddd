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
