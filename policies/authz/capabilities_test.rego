package docker.authz.rules.capabilities_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.capabilities

test_adds if {
	capabilities.deny == {"capability CAP_SYS_ADMIN may not be added", "capability ALL may not be added"} with input as host({"CapAdd": ["CAP_SYS_ADMIN", "net_bind_service", "ALL"]})
	count(capabilities.deny) == 0 with input as host({"CapAdd": ["chown"]})
	count(capabilities.deny) == 0 with input as host({"CapAdd": ["SYS_ADMIN"]}) with data.docker.authz.settings as {"capabilities.allowed_adds": ["CAP_SYS_ADMIN"]}
}

test_required_drops if {
	settings := {"capabilities.required_drops": ["NET_RAW", "cap_mknod"]}
	capabilities.deny == {"capability MKNOD must be dropped"} with input as host({"CapDrop": ["CAP_NET_RAW"]}) with data.docker.authz.settings as settings
	count(capabilities.deny) == 0 with input as host({"CapDrop": ["all"]}) with data.docker.authz.settings as settings
	count(capabilities.deny) == 0 with input as host({})
}
