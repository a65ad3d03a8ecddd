package docker.authz.rules.device_cgroup_rules_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.device_cgroup_rules

test_every_device_of_a_kind_is_refused if {
	device_cgroup_rules.deny == {
		`device cgroup rule "a *:* rwm" allows every device of the host`,
		`device cgroup rule "b *:* r" allows every block device of the host`,
		`device cgroup rule "a" allows every device of the host`,
	} with input as host({"DeviceCgroupRules": ["a *:* rwm", "b *:* r", "a", "c 189:* rwm"]})
}

test_one_major_number_and_mknod_alone_pass if {
	count(device_cgroup_rules.deny) == 0 with input as host({"DeviceCgroupRules": ["c 189:* rwm", "c *:* m", "b 8:0 r"]})
	count(device_cgroup_rules.deny) == 0 with input as host({})
}
