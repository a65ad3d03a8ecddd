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

# What the loader gives for `user: ${UID}` with UID unset: compose runs it blank, the image's user.
test_blank_is_caught_at_the_user if {
	every user in ["", " "] {
		t.paths(rule.findings) == {["services", "web", "user"]} with input as t.doc([t.svc("web", {"user": user})])
	}
}

test_non_root_is_not_caught if {
	every user in ["app", "1000", "10001:10001"] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"user": user})])
	}
}

# The string test stands in for `^(root|0)(:.*)?$`: whole names only, a group on the same line.
test_root_forms if {
	every user in ["root", "0", "root:", "0:0", "root:wheel staff"] {
		rule.root(user)
	}
	every user in ["rooter", "00", "0 ", "root\n:x", "root:x\ny", ":root", "Root"] {
		not rule.root(user)
	}
}
