package container_policy.rules.compose.host_ipc_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.host_ipc as rule

test_host_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets ipc: \"host\", sharing the host's IPC namespace",
		"path": ["services", "web", "ipc"],
	}} with input as t.doc([t.svc("web", {"ipc": "host"})])
}

test_other_modes_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("a", {"ipc": "private"}), t.svc("b", {}), t.svc("c", {"ipc": "${MODE}"})])
}
