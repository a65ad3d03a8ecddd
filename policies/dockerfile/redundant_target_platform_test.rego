package container_policy.rules.dockerfile.redundant_target_platform_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.redundant_target_platform as rule

test_caught if {
	d.lines(rule.findings) == {1} with input as d.one_stage([d.flagged("FROM", {"platform": "${TARGETPLATFORM}"}, ["alpine"], 0, 1)])
}

test_build_platform_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("FROM", {"platform": "$BUILDPLATFORM"}, ["alpine"], 0, 1)])
}

test_quoted_is_caught if {
	d.lines(rule.findings) == {1} with input as d.one_stage([d.flagged("FROM", {"platform": "\"$TARGETPLATFORM\""}, ["alpine"], 0, 1)])
}
