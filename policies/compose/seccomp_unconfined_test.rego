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

test_label_seccomp_unconfined_is_caught_as_intent if {
	rule.findings == {{
		"msg": "Service \"web\" asks for seccomp to be disabled (label:seccomp:unconfined); this is not a valid label option either",
		"path": ["services", "web", "security_opt", 0],
	}} with input as t.doc([t.svc("web", {"security_opt": [o("label", "seccomp:unconfined")]})])
}

test_real_label_options_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"security_opt": [o("label", "type:svirt_apache_t"), o("label", "disable")]})])
}
