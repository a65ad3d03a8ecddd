package docker.authz.rules.ports_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.ports

bindings(ports) := host({"PortBindings": {sprintf("%d/tcp", [i]): [{"HostIp": "", "HostPort": p}] | some i, p in ports}})

test_privileged_ports if {
	ports.deny == {"host port 25 is privileged (below 1024)"} with input as bindings(["25", "80", "8080", ""])
	count(ports.deny) == 0 with input as bindings(["25"]) with data.docker.authz.settings as {"ports.allowed_privileged": [25]}
}

test_sensitive_ports if {
	ports.deny == {"host port 22 is privileged (below 1024)", "host port 22 is a sensitive port"} with input as bindings(["22"])
	ports.deny == {"host port 2375 is a sensitive port"} with input as bindings(["2375-2376"])
	count(ports.deny) == 0 with input as bindings(["2375"]) with data.docker.authz.settings as {"ports.sensitive": []}
}
