package container_policy.rules.compose.env_secret_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.env_secret as rule

e(value) := {"value": value, "path": ["services", "web", "environment", "DB_PASSWORD"]}

test_literal_secret_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets DB_PASSWORD in environment to a literal value",
		"path": ["services", "web", "environment", "DB_PASSWORD"],
	}} with input as t.doc([t.svc("web", {"environment": {"DB_PASSWORD": e("hunter2")}})])
}

test_references_and_other_names_are_not_caught if {
	every value in [null, "", "/run/secrets/db"] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"environment": {"DB_PASSWORD": e(value)}})])
	}
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"environment": {"LOG_LEVEL": e("debug")}})])
}

# A variable nothing sets is unknown: the loader marks the value; the text is not guessed from.
test_a_value_the_loader_marked_unresolved_is_not_caught if {
	doc := object.union(
		t.doc([t.svc("web", {"environment": {"DB_PASSWORD": e("${DB_PASSWORD}")}})]),
		{"unresolved": [{"path": ["services", "web", "environment", "DB_PASSWORD"], "variables": ["DB_PASSWORD"]}]},
	)
	count(rule.findings) == 0 with input as doc
}

# A value a `.env` file set is judged like a literal one, but not called literal: the line shows
# `${PGPASS}`, and the finding's note names the file and line that hold the value. A mark elsewhere
# (another variable, another service) changes nothing.
test_a_value_from_a_variable_is_named_as_stored_in_a_file if {
	doc := object.union(
		t.doc([t.svc("web", {"environment": {"DB_PASSWORD": e("hunter2"), "API_TOKEN": {"value": "t0ken", "path": ["services", "web", "environment", 1]}}})]),
		{"interpolated": [
			{"path": ["services", "web", "environment", "DB_PASSWORD"], "sources": [{"name": "PGPASS", "file": ".env", "line": 3}]},
			{"path": ["services", "db", "environment", "API_TOKEN"], "sources": [{"name": "T"}]},
		]},
	)
	{f.msg | some f in rule.findings} == {
		"Service \"web\" sets DB_PASSWORD in environment to a value stored in a file",
		"Service \"web\" sets API_TOKEN in environment to a literal value",
	} with input as doc
}

# `Sup3r$$ecret` is the literal `Sup3r$ecret` after interpolation: unmarked, so judged.
test_a_dollar_left_by_an_escape_is_caught if {
	count(rule.findings) == 1 with input as t.doc([t.svc("web", {"environment": {"DB_PASSWORD": e("Sup3r$ecretPassw0rd")}})])
}

# A configured pattern is matched as written (case-sensitive unless it says `(?i)`).
test_configured_pattern_is_matched_as_written if {
	doc := t.doc([t.svc("web", {"environment": {"DB_PASSWORD": e("x"), "db_password": e("y")}})])
	count(rule.findings) == 1 with input as doc with data.container_policy.settings as {"compose.secret_env_pattern": `^db_`}
}

url(variable, value) := t.doc([t.svc("web", {"environment": {variable: {"value": value, "path": ["services", "web", "environment", variable]}}})])

test_a_url_with_a_credential_is_caught_whatever_the_name if {
	rule.findings == {{
		"msg": "Service \"web\" sets DATABASE_URL in environment to a URL with a credential for db:5432",
		"path": ["services", "web", "environment", "DATABASE_URL"],
	}} with input as url("DATABASE_URL", "postgres://app:hunter2@db:5432/app")
	count(rule.findings) == 0 with input as url("DATABASE_URL", "postgres://app@db:5432/app")
	count(rule.findings) == 0 with input as url("ADMIN_EMAIL", "ops@example.org")
}

test_a_value_of_a_credential_format_is_caught_whatever_the_name if {
	some f in rule.findings with input as url("GH", "ghp_abcdefghijklmnopqrstuvwxyz0123456789")
	f.msg == "Service \"web\" sets GH in environment to a value that matches a credential format"
}

# A secret-looking name with such a value is one finding, the name's.
test_a_secret_name_with_a_credential_value_is_caught_once if {
	some f in rule.findings with input as url("DB_PASSWORD", "postgres://app:hunter2@db/app")
	count(rule.findings) == 1 with input as url("DB_PASSWORD", "postgres://app:hunter2@db/app")
	f.msg == "Service \"web\" sets DB_PASSWORD in environment to a literal value"
}
