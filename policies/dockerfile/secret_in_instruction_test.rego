package container_policy.rules.dockerfile.secret_in_instruction_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.secret_in_instruction as rule

token := "ghp_abcdefghijklmnopqrstuvwxyz0123456789"

test_url_with_a_password_in_cmd_is_caught_without_quoting_it if {
	doc := d.one_stage([d.ins("CMD", ["app", "--db", "postgres://app:hunter2@db:5432/app"], 0, 3)])
	some f in rule.findings with input as doc
	f.startLine == 3
	f.msg == "CMD is given a URL with a credential for db:5432; the Dockerfile and the image's configuration (docker inspect) record it"
	not contains(f.msg, "hunter2")
}

test_a_value_of_a_credential_format_is_caught_in_any_instruction if {
	label := d.ins("LABEL", [concat("", ["org.example.token=", token])], 0, 2)
	some f in rule.findings with input as d.one_stage([label])
	f.msg == "LABEL org.example.token has a value that matches a credential format; the Dockerfile and the image's configuration (docker inspect) record it"
	entrypoint := d.ins("ENTRYPOINT", ["sync", "--key", "AKIAIOSFODNN7EXAMPLE"], 0, 4)
	some g in rule.findings with input as d.one_stage([entrypoint])
	g.msg == "ENTRYPOINT is given a value that matches a credential format; the Dockerfile and the image's configuration (docker inspect) record it"
	d.lines(rule.findings) == {5} with input as d.one_stage([d.ins("ONBUILD", ["RUN", "git", "clone", concat("", ["https://", token, "@github.com/o/r.git"])], 0, 5)])
}

test_healthcheck_and_add_are_read if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("HEALTHCHECK", ["CMD", "mysqladmin", "ping", "--password=s3cret"], 0, 2)])
	some f in rule.findings with input as d.one_stage([d.ins("ADD", ["https://ci:s3cret@files.example/app.tgz", "/app/"], 0, 2)])
	f.msg == "ADD is given a URL with a credential for files.example; the Dockerfile and the image history record it"
}

test_values_from_variables_and_plain_words_are_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([
		d.ins("CMD", ["app", "--db", "postgres://app:${DB_PASSWORD}@db/app"], 0, 2),
		d.ins("HEALTHCHECK", ["CMD", "curl", "-f", "http://localhost:8080/health"], 0, 3),
		d.ins("LABEL", ["maintainer=Jo <jo@example.org>", "org.opencontainers.image.source=https://github.com/o/r"], 0, 4),
		d.ins("ENTRYPOINT", ["mysql", "--password"], 0, 5),
		d.ins("ENV", [concat("", ["TOKEN=", token])], 0, 6),
	])
}

test_a_word_that_is_more_than_one_answers_once if {
	count(rule.findings) == 1 with input as d.one_stage([d.ins("CMD", [concat("", ["--password=https://u:", token, "@h.example/x"])], 0, 2)])
}

test_a_long_name_is_not_quoted if {
	name := concat("", ["a" | some _ in numbers.range(1, 100)])
	some f in rule.findings with input as d.one_stage([d.ins("LABEL", [concat("", [name, "=", token])], 0, 2)])
	f.msg == "LABEL is given a value that matches a credential format; the Dockerfile and the image's configuration (docker inspect) record it"
}

# A team's own format has no clue to look for first: it is tried on every word.
test_a_configured_format_is_tried_on_every_word if {
	doc := d.one_stage([d.ins("CMD", ["app", "--key", "corp-12345678"], 0, 2)])
	count(rule.findings) == 0 with input as doc
	d.lines(rule.findings) == {2} with input as doc with data.container_policy.settings as {"dockerfile.secret_value_patterns": [`corp-[0-9]{8}`]}
}

# The formats are looked for in RUN commands and other instructions alike.
test_a_clue_in_a_run_does_not_hide_one_elsewhere if {
	doc := d.one_stage([
		d.run([["echo", "AKIA"]], 0, 2),
		d.ins("LABEL", [concat("", ["t=", token])], 0, 3),
	])
	d.lines(rule.findings) == {3} with input as doc
}

copied(keyword, body) := d.one_stage([object.union(d.ins(keyword, ["<<EOF", "/root/.npmrc"], 0, 2), {"heredocs": [{"name": "EOF", "body": body, "startLine": 3, "endLine": 5}]})])

test_a_file_written_from_a_heredoc_is_searched_line_by_line if {
	body := concat("\n", ["registry=https://registry.npmjs.org/", concat("", ["//registry.npmjs.org/:_authToken=", "npm_abcdefghijklmnopqrstuvwxyz0123456789"])])
	rule.findings == {{
		"msg": "COPY <<EOF //registry.npmjs.org/:_authToken has a value that matches a credential format; the Dockerfile and the image's files record it",
		"startLine": 4,
		"endLine": 4,
	}} with input as copied("COPY", body)
	d.lines(rule.findings) == {3} with input as copied("ADD", "url = https://ci:s3cret@git.example/o/r.git")
	d.lines(rule.findings) == {4} with input as copied("COPY", "[client]\n\tuser=app --password hunter2")
}

test_a_heredoc_without_a_literal_credential_is_not_caught if {
	count(rule.findings) == 0 with input as copied("COPY", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n")
	count(rule.findings) == 0 with input as copied("COPY", "")
}
