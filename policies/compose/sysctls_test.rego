package container_policy.rules.compose.sysctls_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.sysctls as rule

s(key) := {key: {"value": "1", "path": ["services", "web", "sysctls", key]}}

test_host_wide_and_weakening_sysctls_are_caught if {
	every key in ["kernel.panic", "vm.overcommit_memory", "net.ipv4.ip_forward", "net.ipv4.conf.all.accept_redirects"] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", {"sysctls": s(key)})])
	}
}

test_namespaced_sysctls_are_not_caught if {
	every key in ["net.core.somaxconn", "kernel.shmmax", "kernel.sem", "fs.mqueue.msg_max"] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"sysctls": s(key)})])
	}
}
