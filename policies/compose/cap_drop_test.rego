package container_policy.rules.compose.cap_drop_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.cap_drop as rule

test_missing_cap_drop_is_caught_at_the_service if {
	t.paths(rule.findings) == {["services", "web"]} with input as t.doc([t.svc("web", {})])
}

test_partial_cap_drop_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" drops only NET_RAW, not ALL",
		"path": ["services", "web", "cap_drop"],
	}} with input as t.doc([t.svc("web", {"cap_drop": [{"name": "NET_RAW"}]})])
}

test_drop_all_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"cap_drop": [{"name": "ALL"}]})])
}
