package container_policy.rules.dockerfile.workdir_relative_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.workdir_relative as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("WORKDIR", ["app"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("WORKDIR", ["/app"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("WORKDIR", ["$HOME/app"], 0, 2)])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("WORKDIR", ["C:\\\\app"], 0, 2)])
}

test_quoted_absolute_path_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("WORKDIR", ["\"/srv/app\""], 0, 2)])
}

test_quoted_relative_path_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("WORKDIR", ["\"app\""], 0, 2)])
}
