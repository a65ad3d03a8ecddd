package container_policy.rules.dockerfile.secret_build_arg_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.secret_build_arg as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ARG", ["NPM_TOKEN"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ARG", ["VERSION"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["NPM_TOKEN"], 0, 2)])
}

# A configured pattern is matched case-insensitively, as the defaults are.
test_configured_pattern_ignores_case if {
	doc := d.one_stage([d.ins("ARG", ["deploy_key"], 0, 2), d.ins("ARG", ["NPM_TOKEN"], 0, 3)])
	d.lines(rule.findings) == {2} with input as doc
		with data.container_policy.settings as {"dockerfile.secret_name_patterns": [`^DEPLOY_KEY$`]}
}

# A literal default is CPD031's deny; an empty or variable default is still only passed in.
test_literal_default_left_to_the_deny if {
	doc := d.one_stage([
		d.ins("ARG", ["NPM_TOKEN=npm_live_value"], 0, 2),
		d.ins("ARG", ["GITHUB_TOKEN="], 0, 3),
		d.ins("ARG", ["API_KEY=${CI_API_KEY}"], 0, 4),
	])
	d.lines(rule.findings) == {3, 4} with input as doc
}
