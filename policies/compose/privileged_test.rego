package container_policy.rules.compose.privileged_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.privileged

test_privileged_true_is_caught if {
	privileged.findings == {{
		"msg": "Service \"web\" runs privileged, with all capabilities and host devices",
		"path": ["services", "web", "privileged"],
	}} with input as t.doc([t.svc("web", {"privileged": true})])
}

# The loader casts `yes`, `on`, "True" ... to true as compose does; text left is an unset variable.
test_unprivileged_or_unknown_services_are_not_caught if {
	every value in [null, false] {
		count(privileged.findings) == 0 with input as t.doc([t.svc("web", {"privileged": value})])
	}
}

test_each_privileged_service_is_caught if {
	doc := t.doc([t.svc("a", {"privileged": true}), t.svc("b", {"privileged": false}), t.svc("c", {"privileged": true})])
	t.paths(privileged.findings) == {["services", "a", "privileged"], ["services", "c", "privileged"]} with input as doc
}

test_documents_without_services_are_not_caught if {
	every document in [{}, {"services": null}, {"services": ["web"]}, {"services": {"web": null}}] {
		count(privileged.findings) == 0 with input as {"kind": "compose", "data": document}
	}
}
