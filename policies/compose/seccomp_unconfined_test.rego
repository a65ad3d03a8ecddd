package container_policy.rules.compose.seccomp_unconfined_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.seccomp_unconfined as rule

o(key, value) := {"key": key, "value": value, "path": ["services", "web", "security_opt", 0]}

test_unconfined_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" disables seccomp (seccomp:unconfined)",
		"path": ["services", "web", "security_opt", 0],
	}} with input as t.doc([t.svc("web", {"security_opt": [o("seccomp", "unconfined")]})])
}

test_profiles_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"security_opt": [o("seccomp", "profile.json"), o("apparmor", "unconfined")]})])
}
