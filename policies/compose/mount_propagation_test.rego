package container_policy.rules.compose.mount_propagation_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.mount_propagation as rule

v(p) := {"type": "bind", "source": "/mnt", "target": "/mnt", "read_only": false, "propagation": p, "path": ["services", "web", "volumes", 0]}

test_shared_is_caught if {
	every p in ["shared", "rshared"] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", {"volumes": [v(p)]})])
	}
}

test_other_propagation_is_not_caught if {
	every p in ["", "slave", "rprivate"] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"volumes": [v(p)]})])
	}
}
