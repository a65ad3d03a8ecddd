package container_policy.rules.compose.privileged_test

import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.compose.privileged

test_privileged_true_is_caught if {
	privileged.findings == {{
		"msg": "Service \"web\" runs privileged, with all capabilities and host devices",
		"path": ["services", "web", "privileged"],
	}} with input as t.compose({"web": {"image": "nginx:1.27", "privileged": true}})
}

test_privileged_string_is_caught if {
	every value in ["true", "True", " TRUE "] {
		count(privileged.findings) == 1 with input as t.compose({"web": {"privileged": value}})
	}
}

test_unprivileged_services_are_not_caught if {
	doc := t.compose({
		"web": {"image": "nginx:1.27"},
		"db": {"privileged": false},
		"cache": {"privileged": "false"},
		"odd": {"privileged": 1},
	})
	count(privileged.findings) == 0 with input as doc
}

test_each_privileged_service_is_caught if {
	doc := t.compose({"a": {"privileged": true}, "b": {"privileged": false}, "c": {"privileged": true}})
	paths := {f.path | some f in privileged.findings} with input as doc
	paths == {["services", "a", "privileged"], ["services", "c", "privileged"]}
}

test_malformed_services_are_not_caught if {
	every document in [{}, {"services": null}, {"services": ["web"]}, {"services": {"web": null}}] {
		count(privileged.findings) == 0 with input as {"kind": "compose", "data": document}
	}
}
