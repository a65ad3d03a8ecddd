package container_policy.rules.compose.build_arg_secret_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.build_arg_secret as rule

args(vars) := {k: {"value": v, "path": ["services", "web", "build", "args", k]} | some k, v in vars}

test_secret_names_with_literal_values_are_caught if {
	vars := {"NPM_TOKEN": "abc123", "DB_PASSWORD": "hunter2", "VERSION": "1.2", "API_KEY": "${KEY}", "DEBUG": "true"}
	t.paths(rule.findings) == {["services", "web", "build", "args", "NPM_TOKEN"], ["services", "web", "build", "args", "DB_PASSWORD"]} with input as t.doc([t.svc("web", {"build_args": args(vars)})])
}

test_message_says_why if {
	[f.msg | some f in rule.findings] == ["Service \"web\" build arg NPM_TOKEN has a secret-looking name and a literal value"] with input as t.doc([t.svc("web", {"build_args": args({"NPM_TOKEN": "abc123"})})])
}

test_credential_formats_are_caught_whatever_the_name if {
	count(rule.findings) == 1 with input as t.doc([t.svc("web", {"build_args": args({"X": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"})})])
}

test_values_taken_from_elsewhere_are_not_caught if {
	unset := {"NPM_TOKEN": {"value": null, "path": ["services", "web", "build", "args", "NPM_TOKEN"]}}
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"build_args": unset})])
	marked := {"unresolved": [{"path": ["services", "web", "build", "args", "NPM_TOKEN"], "variables": ["T"]}]}
	count(rule.findings) == 0 with input as object.union(t.doc([t.svc("web", {"build_args": args({"NPM_TOKEN": ""})})]), marked)
}
