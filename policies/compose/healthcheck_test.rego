package container_policy.rules.compose.healthcheck_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.healthcheck as rule

hc(disabled) := {"test": ["CMD", "true"], "disabled": disabled, "path": ["services", "web", "healthcheck"]}

test_missing_is_caught_at_the_service if {
	t.paths(rule.findings) == {["services", "web"]} with input as t.doc([t.svc("web", {})])
}

test_disabled_is_caught if {
	t.paths(rule.findings) == {["services", "web", "healthcheck"]} with input as t.doc([t.svc("web", {"healthcheck": hc(true)})])
}

test_healthcheck_is_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"healthcheck": hc(false)})])
}
