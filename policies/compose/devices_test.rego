package container_policy.rules.compose.devices_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.devices as rule

test_device_is_caught if {
	d := {"source": "/dev/sda", "target": "/dev/sda", "permissions": "rwm", "path": ["services", "web", "devices", 0]}
	rule.findings == {{
		"msg": "Service \"web\" maps host device \"/dev/sda\" with permissions rwm",
		"path": ["services", "web", "devices", 0],
	}} with input as t.doc([t.svc("web", {"devices": [d]})])
}

test_no_device_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {})])
}
