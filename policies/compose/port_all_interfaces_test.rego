package container_policy.rules.compose.port_all_interfaces_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.port_all_interfaces as rule

p(ip, published) := {"host_ip": ip, "published": published, "published_start": 8080, "target": "80", "protocol": "tcp", "path": ["services", "web", "ports", 0]}

test_no_host_ip_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" publishes 8080, 9090 on all host interfaces",
		"path": ["services", "web", "ports"],
	}} with input as t.doc([t.svc("web", {"ports": [p("", "8080"), p("0.0.0.0", "9090"), p("127.0.0.1", "7070")]})])
}

test_bound_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"ports": [p("127.0.0.1", "8080"), p("127.0.0.1", "")]})])
}

# `ports: ["80"]`: Docker publishes the port on a free host port, on every interface.
test_no_host_port_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" publishes a host port chosen by Docker (for 80) on all host interfaces",
		"path": ["services", "web", "ports"],
	}} with input as t.doc([t.svc("web", {"ports": [p("", "")]})])
}
