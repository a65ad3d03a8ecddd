package container_policy.rules.compose.tls_verification_disabled_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.tls_verification_disabled as rule

env(vars) := {k: {"value": v, "path": ["services", "web", "environment", k]} | some k, v in vars}

test_variables_that_turn_verification_off_are_caught if {
	vars := {"NODE_TLS_REJECT_UNAUTHORIZED": "0", "GIT_SSL_NO_VERIFY": "", "npm_config_strict_ssl": "false", "A": "1"}
	t.paths(rule.findings) == {
		["services", "web", "environment", "NODE_TLS_REJECT_UNAUTHORIZED"],
		["services", "web", "environment", "GIT_SSL_NO_VERIFY"],
		["services", "web", "environment", "npm_config_strict_ssl"],
	} with input as t.doc([t.svc("web", {"environment": env(vars)})])
}

test_message_names_the_tool if {
	[f.msg | some f in rule.findings] == ["Service \"web\" sets NODE_TLS_REJECT_UNAUTHORIZED=0, which turns TLS verification off for Node.js"] with input as t.doc([t.svc("web", {"environment": env({"NODE_TLS_REJECT_UNAUTHORIZED": "0"})})])
}

test_verification_left_on_is_not_caught if {
	vars := {"NODE_TLS_REJECT_UNAUTHORIZED": "1", "PYTHONHTTPSVERIFY": "1", "PIP_TRUSTED_HOST": ""}
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"environment": env(vars)})])
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"environment": {"GIT_SSL_NO_VERIFY": {"value": null, "path": ["services", "web", "environment", "GIT_SSL_NO_VERIFY"]}}})])
}

test_a_value_from_an_unset_variable_is_not_judged if {
	marked := {"unresolved": [{"path": ["services", "web", "environment", "NODE_TLS_REJECT_UNAUTHORIZED"], "variables": ["X"]}]}
	count(rule.findings) == 0 with input as object.union(t.doc([t.svc("web", {"environment": env({"NODE_TLS_REJECT_UNAUTHORIZED": "0"})})]), marked)
}
