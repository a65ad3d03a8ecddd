package container_policy.rules.compose.read_only_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.read_only as rule

test_unset_or_false_is_caught if {
	every value in [null, false] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", {"read_only": value})])
	}
}

test_read_only_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"read_only": true})])
}
