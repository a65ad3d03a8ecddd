package container_policy.rules.dockerfile.secret_in_env_arg_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.secret_in_env_arg as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ENV", ["DB_PASSWORD=hunter2"], 0, 2)])
}

test_caught_1 if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.ins("ARG", ["X=AKIAABCDEFGHIJKLMNOP"], 0, 3)])
}

test_caught_2 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ARG", ["GITHUB_TOKEN=abc"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["DB_PASSWORD=$DB_PASSWORD"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ARG", ["API_KEY"], 0, 2)])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["PASSWORD_MIN_LENGTH"], 0, 2)])
}

test_not_caught_3 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["PATH=/x"], 0, 2)])
}

test_not_caught_4 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["USE_TOKEN_AUTH=true"], 0, 2)])
}

test_not_caught_5 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["=x"], 0, 2)])
}
