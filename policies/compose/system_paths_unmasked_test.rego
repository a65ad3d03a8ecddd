package container_policy.rules.compose.system_paths_unmasked_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.system_paths_unmasked as rule

o(key, value, i) := {"key": key, "value": value, "path": ["services", "web", "security_opt", i]}

test_unconfined_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" unmasks /proc and /sys paths (systempaths=Unconfined)",
		"path": ["services", "web", "security_opt", 1],
	}} with input as t.doc([t.svc("web", {"security_opt": [o("no-new-privileges", "true", 0), o("systempaths", "Unconfined", 1)]})])
}

test_other_options_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"security_opt": [o("seccomp", "unconfined", 0), o("systempaths", "default", 1)]})])
}
