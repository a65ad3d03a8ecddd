package docker.authz.rules.devices_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.devices

test_devices if {
	request := host({"Devices": [{"PathOnHost": "/dev/kvm", "PathInContainer": "/dev/kvm", "CgroupPermissions": "rwm"}]})
	devices.deny == {"host device /dev/kvm is not allowed"} with input as request
	count(devices.deny) == 0 with input as request with data.docker.authz.settings as {"devices.allowed": ["/dev/kvm"]}
	count(devices.deny) == 0 with input as host({})
}
