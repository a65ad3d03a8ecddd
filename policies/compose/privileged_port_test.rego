package container_policy.rules.compose.privileged_port_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.privileged_port as rule

p(published, start) := {"host_ip": "", "published": published, "published_start": start, "target": "80", "protocol": "tcp", "path": ["services", "web", "ports", 0]}

test_low_port_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" publishes privileged host port 80 (to 80/tcp)",
		"path": ["services", "web", "ports"],
	}} with input as t.doc([t.svc("web", {"ports": [p("80", 80)]})])
}

test_high_or_unpublished_ports_are_not_caught if {
	every port in [p("8080", 8080), p("", null), p("${PORT}", null)] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"ports": [port]})])
	}
}
