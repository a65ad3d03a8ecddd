package container_policy.rules.dockerfile.secret_in_run_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.secret_in_run as rule

test_url_with_password_is_caught_without_quoting_it if {
	some f in rule.findings with input as d.one_run(["git", "clone", "https://deploy:hunter2@git.example/org/app.git"])
	f.startLine == 2
	contains(f.msg, "git is given a URL with a credential for git.example")
	not contains(f.msg, "hunter2")
}

test_url_with_a_token_as_user_is_caught if {
	count(rule.findings) == 0 with input as d.one_run(["git", "clone", "https://octocat@github.com/org/app.git"])
	d.lines(rule.findings) == {2} with input as d.one_run(["git", "clone", "https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/org/app.git"])
}

test_url_credentials_read_from_variables_are_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["git", "clone", "https://oauth2:${TOKEN}@gitlab.example/org/app.git"])
	count(rule.findings) == 0 with input as d.one_run(["git", "clone", "https://oauth2:$(cat /run/secrets/t)@gitlab.example/a.git"])
	count(rule.findings) == 0 with input as d.one_run(["curl", "-fsSL", "https://e.org/pkg@1.2.3/x.tgz"])
	count(rule.findings) == 0 with input as d.one_run(["npm", "install", "@scope/pkg@1.0.0"])
	count(rule.findings) == 0 with input as d.one_run(["git", "clone", "ssh://git@github.com/org/app.git"])
	count(rule.findings) == 0 with input as d.one_run(["curl", "https://user:@e.org/x"])
}

test_password_option_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["docker", "login", "-u", "ci", "--password", "s3cret", "registry.example"])
	d.lines(rule.findings) == {2} with input as d.one_run(["mysql", "--password=s3cret", "-e", "select 1"])
	count(rule.findings) == 0 with input as d.one_run(["mysql", "--password=$MYSQL_PASSWORD"])
	count(rule.findings) == 0 with input as d.one_run(["docker", "login", "--password-stdin"])
	count(rule.findings) == 0 with input as d.one_run(["mysql", "--password"])
}

test_runner_words_are_read_too if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["sudo", "-u", "app", "git", "clone", "https://u:p4ss@git.example/r.git"]], 0, 2)])
}

test_exported_secret_is_caught if {
	some f in rule.findings with input as d.one_run(["export", "GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "PATH=/x"])
	f.msg == "export GITHUB_TOKEN has a value that matches a credential format; the Dockerfile and the image history record it"
	count(rule.findings) == 0 with input as d.one_run(["export", "GITHUB_TOKEN=$(cat /run/secrets/gh)"])
	count(rule.findings) == 0 with input as d.one_run(["export", "GITHUB_TOKEN"])
}

# Build-time placeholders (`SECRET_KEY=dummy manage.py collectstatic`) are common and never kept.
test_placeholder_under_a_secret_name_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["export", "SECRET_KEY=dummy"])
}

test_assignment_before_a_command_is_caught if {
	one := {"words": ["aws", "s3", "cp", "s3://b/k", "."], "line": 2, "pipeline": 0, "position": 0, "pipelineSize": 1, "assignments": ["AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP"]}
	doc := d.one_stage([object.union(d.run([one.words], 0, 2), {"commands": [one]})])
	some f in rule.findings with input as doc
	f.msg == "AWS_ACCESS_KEY_ID before aws has a value that matches a credential format; the Dockerfile and the image history record it"
	safe := object.union(one, {"assignments": ["AWS_ACCESS_KEY_ID=$(cat /run/secrets/k)", "SECRET_KEY=build-time-dummy"]})
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.run([one.words], 0, 2), {"commands": [safe]})])
}

test_a_word_that_is_both_answers_once if {
	count(rule.findings) == 1 with input as d.one_run(["tool", "--password=https://u:p@h.example/x"])
}

test_a_value_of_a_credential_format_in_any_word_is_caught if {
	some f in rule.findings with input as d.one_run(["curl", "-H", "Authorization: token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "https://api.github.com/x"])
	f.msg == "curl is given a value that matches a credential format; the Dockerfile and the image history record it"
	some g in rule.findings with input as d.one_run(["npm", "config", "set", "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789"])
	g.msg == "npm //registry.npmjs.org/:_authToken has a value that matches a credential format; the Dockerfile and the image history record it"
	count(rule.findings) == 0 with input as d.one_run(["curl", "-H", "Authorization: token $GITHUB_TOKEN", "https://api.github.com/x"])
}
