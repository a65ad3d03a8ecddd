package container_policy.rules.compose.root_user_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.root_user as rule

test_root_is_caught if {
	every user in ["root", "0", "0:0", "root:staff"] {
		t.paths(rule.findings) == {["services", "web", "user"]} with input as t.doc([t.svc("web", {"user": user})])
	}
}

test_unset_is_caught_at_the_service if {
	t.paths(rule.findings) == {["services", "web"]} with input as t.doc([t.svc("web", {})])
}

test_non_root_is_not_caught if {
	every user in ["app", "1000", "10001:10001", "${UID}"] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"user": user})])
	}
}
