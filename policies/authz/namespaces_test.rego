package docker.authz.rules.namespaces_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.namespaces

test_host_namespaces if {
	request := host({"PidMode": "host", "IpcMode": "host", "UsernsMode": "host", "UTSMode": "host"})
	namespaces.deny == {"the host pid namespace is shared", "the host ipc namespace is shared", "the host userns namespace is shared", "the host uts namespace is shared"} with input as request
	namespaces.deny == {"the host ipc namespace is shared", "the host userns namespace is shared", "the host uts namespace is shared"} with input as request with data.docker.authz.settings as {"namespaces.allowed_host": ["pid"]}
	count(namespaces.deny) == 0 with input as host({"IpcMode": "private", "PidMode": "container:db", "CgroupnsMode": "private"})
	namespaces.deny == {"the host cgroup namespace is shared"} with input as host({"CgroupnsMode": "host"})
}
