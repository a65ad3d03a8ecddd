package container_policy.rules.compose.secret_in_command_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.secret_in_command as rule

base := ["services", "web"]

# A list command: each word at its own path.
listed(field, words) := t.doc([t.svc("web", {field: [{"word": w, "path": array.concat(base, [field, i])} | some i, w in words]})])

# A string command: every word at the string's path.
written(field, words) := t.doc([t.svc("web", {field: [{"word": w, "path": array.concat(base, [field])} | some w in words]})])

token := "ghp_abcdefghijklmnopqrstuvwxyz0123456789"

test_a_url_with_a_credential_in_the_command_is_caught_at_its_word if {
	rule.findings == {{
		"msg": "Service \"web\" passes a URL with a credential for db:5432 in its command, which the compose file and the container's configuration (docker inspect) record",
		"path": ["services", "web", "command", 2],
	}} with input as listed("command", ["app", "--db", "postgres://app:hunter2@db:5432/app"])
}

test_a_password_option_and_a_token_in_the_entrypoint_are_caught if {
	msgs := {f.msg | some f in rule.findings} with input as written("entrypoint", ["sync", "--password", "hunter2", "--key", token])
	msgs == {
		"Service \"web\" passes a password with --password in its entrypoint, which the compose file and the container's configuration (docker inspect) record",
		"Service \"web\" passes a value that matches a credential format in its entrypoint, which the compose file and the container's configuration (docker inspect) record",
	}
}

test_commands_without_a_literal_credential_are_not_caught if {
	every words in [
		["app", "--db", "postgres://app@db/app"],
		["app", "--password", "$DB_PASSWORD"],
		["app", "--password", "--verbose"],
		["mail", "ops@example.org"],
		["app", "--password=${PW}"],
		# A port after the address, no host: not a credential.
		["mitmdump", "--mode", "reverse:https://example.org:443@8443"],
	] {
		count(rule.findings) == 0 with input as listed("command", words)
	}
}

# A variable nothing sets is blank in the words: `--password ${PW} serve` would read `serve` as the password.
test_a_command_that_reads_an_unset_variable_is_not_judged if {
	doc := object.union(
		written("command", ["app", "--password", "serve"]),
		{"unresolved": [{"path": ["services", "web", "command"], "variables": ["PW"]}]},
	)
	count(rule.findings) == 0 with input as doc
	count(rule.findings) == 1 with input as written("command", ["app", "--password", "serve"])
}

check(test) := t.doc([t.svc("web", {"healthcheck": {"test": test, "disabled": false, "path": ["services", "web", "healthcheck"]}})])

test_a_healthcheck_test_in_either_form_is_searched if {
	rule.findings == {{
		"msg": "Service \"web\" passes a URL with a credential for localhost in its healthcheck test, which the compose file and the container's configuration (docker inspect) record",
		"path": ["services", "web", "healthcheck", "test"],
	}} with input as check(["CMD-SHELL", "curl -f https://admin:s3cret@localhost/health || exit 1"])
	count(rule.findings) == 1 with input as check(["CMD", "mysqladmin", "ping", "--password=hunter2"])
	count(rule.findings) == 0 with input as check(["CMD", "curl", "-f", "http://localhost/health"])
	count(rule.findings) == 0 with input as check(["NONE"])
}

test_a_healthcheck_that_reads_an_unset_variable_is_not_judged if {
	doc := object.union(
		check(["CMD", "mysqladmin", "--password", "ping"]),
		{"unresolved": [{"path": ["services", "web", "healthcheck", "test", 2], "variables": ["PW"]}]},
	)
	count(rule.findings) == 0 with input as doc
}

label(value) := t.doc([t.svc("web", {"labels": {"backup.target": {"value": value, "path": ["services", "web", "labels", "backup.target"]}}})])

test_a_label_with_a_credential_is_caught if {
	rule.findings == {{
		"msg": "Service \"web\" sets label backup.target to a URL with a credential for s3.example.org, which the compose file and the container's configuration (docker inspect) record",
		"path": ["services", "web", "labels", "backup.target"],
	}} with input as label("s3://AKIAEXAMPLE:secretkey@s3.example.org/bucket")
	count(rule.findings) == 1 with input as label(token)
	count(rule.findings) == 0 with input as label("s3://s3.example.org/bucket")
	count(rule.findings) == 0 with input as label(null)
}
