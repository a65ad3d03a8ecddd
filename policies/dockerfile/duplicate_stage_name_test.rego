package container_policy.rules.dockerfile.duplicate_stage_name_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.duplicate_stage_name as rule

test_duplicate_is_caught_at_the_second if {
	d.lines(rule.findings) == {5} with input as t.dockerfile([{"name": "a", "fromLine": 1}, {"name": "a", "fromLine": 5}], [])
}

test_unique_names_are_not_caught if {
	count(rule.findings) == 0 with input as t.dockerfile([{"name": "a", "fromLine": 1}, {"name": "b", "fromLine": 5}, {"fromLine": 7}], [])
}

test_a_name_used_three_times_is_caught_against_each_earlier_use if {
	stages := [{"name": "a", "fromLine": 1}, {"name": "b", "fromLine": 3}, {"name": "a", "fromLine": 5}, {"name": "a", "fromLine": 9}]
	findings := rule.findings with input as t.dockerfile(stages, [])
	{[f.startLine, f.msg] | some f in findings} == {
		[5, "Stage name \"a\" is already used by the stage on line 1"],
		[9, "Stage name \"a\" is already used by the stage on line 1"],
		[9, "Stage name \"a\" is already used by the stage on line 5"],
	}
}
