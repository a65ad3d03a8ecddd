package docker.authz.rules.network_mode_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.network_mode

test_host_network if {
	network_mode.deny == {"network mode host is not allowed"} with input as host({"NetworkMode": "host"})
	count(network_mode.deny) == 0 with input as host({"NetworkMode": "shop_default"})
	network_mode.deny == {"network mode none is not allowed"} with input as host({"NetworkMode": "none"}) with data.docker.authz.settings as {"network_mode.blocked": ["none"]}
}
