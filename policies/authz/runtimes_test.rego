package docker.authz.rules.runtimes_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.runtimes

test_runtime if {
	runtimes.deny == {"runtime sysbox-runc is not allowed"} with input as host({"Runtime": "sysbox-runc"})
	count(runtimes.deny) == 0 with input as host({})
	count(runtimes.deny) == 0 with input as host({"Runtime": "runsc"})
	count(runtimes.deny) == 0 with input as host({"Runtime": "sysbox-runc"}) with data.docker.authz.settings as {"runtimes.allowed": ["sysbox-runc"]}
}
