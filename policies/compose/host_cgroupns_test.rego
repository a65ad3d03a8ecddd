package container_policy.rules.compose.host_cgroupns_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.host_cgroupns as rule

test_host_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets cgroup: \"Host\", sharing the host's cgroup namespace",
		"path": ["services", "web", "cgroup"],
	}} with input as t.doc([t.svc("web", {"cgroup": "Host"})])
}

test_private_and_unset_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("a", {"cgroup": "private"}), t.svc("b", {}), t.svc("c", {"cgroup": "${MODE}"})])
}
