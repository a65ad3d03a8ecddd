package container_policy.rules.compose.mac_disabled_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.mac_disabled as rule

o(key, value) := {"key": key, "value": value, "path": ["services", "web", "security_opt", 0]}

test_disabled_is_caught if {
	every opt in [o("apparmor", "unconfined"), o("label", "disable")] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", {"security_opt": [opt]})])
	}
}

test_profiles_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"security_opt": [o("apparmor", "docker-default"), o("label", "type:svirt_apache_t")]})])
}
