package docker.authz.rules.resources_test

import data.docker.authz.lib_test.host
import data.docker.authz.lib_test.request
import data.docker.authz.rules.resources

test_memory_limit_required if {
	resources.deny == {"containers must have a memory limit"} with input as request({}, {"Image": "nginx", "HostConfig": {}})
	count(resources.deny) == 0 with input as host({})
	count(resources.deny) == 0 with input as request({}, {"Image": "nginx", "HostConfig": {}}) with data.docker.authz.settings as {"resources.require_memory_limit": false}
}

test_memory_maximum if {
	resources.deny == {"memory limit 268435456 exceeds the maximum of 1024 bytes"} with input as host({}) with data.docker.authz.settings as {"resources.max_memory_bytes": 1024}
}

test_cpu_required_and_maximum if {
	resources.deny == {"containers must have a CPU limit"} with input as host({}) with data.docker.authz.settings as {"resources.require_cpu_limit": true}
	count(resources.deny) == 0 with input as host({"CpuQuota": 50000}) with data.docker.authz.settings as {"resources.require_cpu_limit": true}
	resources.deny == {"CPU limit 2000000000 exceeds the maximum of 1000000000 NanoCpus"} with input as host({"NanoCpus": 2000000000}) with data.docker.authz.settings as {"resources.max_nano_cpus": 1000000000}
}
