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

# A value a `.env` file set (the loader marks it interpolated) is not called literal: the line shows
# `${...}`, and the finding's note names the file and line that hold the value.
test_a_value_from_a_variable_is_named_as_stored_in_a_file if {
	marked := {"interpolated": [{"path": ["services", "web", "build", "args", "NPM_TOKEN"], "sources": [{"name": "T", "file": ".env", "line": 1}]}]}
	doc := object.union(t.doc([t.svc("web", {"build_args": args({"NPM_TOKEN": "abc123", "DB_PASSWORD": "hunter2"})})]), marked)
	{f.msg | some f in rule.findings} == {
		"Service \"web\" build arg NPM_TOKEN has a secret-looking name and a value stored in a file",
		"Service \"web\" build arg DB_PASSWORD has a secret-looking name and a literal value",
	} with input as doc
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
