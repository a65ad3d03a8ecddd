package container_policy.rules.compose.default_bridge_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.default_bridge as rule

test_bridge_is_caught if {
	every mode in ["bridge", "default"] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", {"network_mode": mode})])
	}
}

test_other_modes_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {}), t.svc("b", {"network_mode": "service:web"})])
}
