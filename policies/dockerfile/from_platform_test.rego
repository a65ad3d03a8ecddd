package container_policy.rules.dockerfile.from_platform_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.from_platform as rule

test_literal_platform_is_caught if {
	d.lines(rule.findings) == {1} with input as d.one_stage([d.flagged("FROM", {"platform": "linux/amd64"}, ["x"], 0, 1)])
}

test_variable_platform_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("FROM", {"platform": "$BUILDPLATFORM"}, ["x"], 0, 1)])
}

test_quoted_platform_is_named_without_its_quotes if {
	{f.msg | some f in rule.findings} == {"FROM forces --platform=linux/amd64"} with input as d.one_stage([d.flagged("FROM", {"platform": "\"linux/amd64\""}, ["x"], 0, 1)])
}

test_quoted_variable_platform_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("FROM", {"platform": "\"$BUILDPLATFORM\""}, ["x"], 0, 1)])
}
