package container_policy.rules.compose.exposed_ports_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.exposed_ports as rule

p(published) := {"host_ip": "", "published": published, "published_start": null, "target": "80", "protocol": "tcp", "path": ["services", "web", "ports", 0]}

test_published_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" publishes 8080->80/tcp on the host",
		"path": ["services", "web", "ports"],
	}} with input as t.doc([t.svc("web", {"ports": [p("8080")]})])
}

# `ports: ["80"]`: Docker publishes the port on a free host port it picks.
test_no_host_port_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" publishes 8080->80/tcp, 80/tcp (on a host port chosen by Docker) on the host",
		"path": ["services", "web", "ports"],
	}} with input as t.doc([t.svc("web", {"ports": [p("8080"), p("")]})])
}

test_no_ports_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"expose": [{"port": "80", "path": ["services", "web", "expose", 0]}]})])
}
