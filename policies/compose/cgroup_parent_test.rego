package container_policy.rules.compose.cgroup_parent_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.cgroup_parent as rule

test_cgroup_parent_is_caught if {
	t.paths(rule.findings) == {["services", "web", "cgroup_parent"]} with input as t.doc([t.svc("web", {"cgroup_parent": "m-executor"})])
}

test_unset_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {}), t.svc("db", {"cgroup_parent": ""})])
}
