package container_policy.rules.compose.cap_add_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.cap_add as rule

test_cap_add_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" adds capabilities ALL, NET_ADMIN",
		"path": ["services", "web", "cap_add"],
	}} with input as t.doc([t.svc("web", {"cap_add": [{"name": "ALL"}, {"name": "NET_ADMIN"}]})])
}

test_no_cap_add_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"cap_drop": [{"name": "ALL"}]})])
}
