package container_policy.rules.compose.device_cgroup_rules_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.device_cgroup_rules as rule

rules(list) := [{"rule": r, "path": ["services", "web", "device_cgroup_rules", i]} | some i, r in list]

test_rules_for_every_device_of_a_kind_are_caught if {
	found := rule.findings with input as t.doc([t.svc("web", {"device_cgroup_rules": rules(["a *:* rwm", "c 189:* rwm", "b *:* r", "a", "c *:* m", "c *:1 w"])})])
	t.paths(found) == {
		["services", "web", "device_cgroup_rules", 0],
		["services", "web", "device_cgroup_rules", 2],
		["services", "web", "device_cgroup_rules", 3],
		["services", "web", "device_cgroup_rules", 5],
	}
}

test_message_names_the_kind if {
	[f.msg | some f in rule.findings] == ["Service \"web\" may use every block device of the host (device_cgroup_rules: \"b *:* rw\")"] with input as t.doc([t.svc("web", {"device_cgroup_rules": rules(["b *:* rw"])})])
}

test_named_devices_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"device_cgroup_rules": rules(["c 1:3 mr", "c 189:* rwm", "b 8:0 r", "a 7:* rwm"])})])
}
