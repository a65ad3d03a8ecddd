package docker.authz.rules.network_mode_test

import data.docker.authz.lib_test.build
import data.docker.authz.lib_test.host
import data.docker.authz.rules.network_mode

test_host_network if {
	network_mode.deny == {"network mode host is not allowed"} with input as host({"NetworkMode": "host"})
	count(network_mode.deny) == 0 with input as host({"NetworkMode": "shop_default"})
	network_mode.deny == {"network mode none is not allowed"} with input as host({"NetworkMode": "none"}) with data.docker.authz.settings as {"network_mode.blocked": ["none"]}
}

test_host_network_build if {
	network_mode.deny == {"build network mode host is not allowed"} with input as build({"networkmode": ["host"], "t": ["app"]})
	count(network_mode.deny) == 0 with input as build({"networkmode": ["default"], "t": ["app"]})
	count(network_mode.deny) == 0 with input as build({"t": ["app"]})
	network_mode.deny == {"build network mode none is not allowed"} with input as build({"networkmode": ["none"]}) with data.docker.authz.settings as {"network_mode.blocked": ["none"]}
}

test_the_query_of_a_create_request_is_not_a_build_network_mode if {
	count(network_mode.deny) == 0 with input as object.union(host({}), {"Query": {"networkmode": ["host"]}})
}
