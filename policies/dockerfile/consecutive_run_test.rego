package container_policy.rules.dockerfile.consecutive_run_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.consecutive_run as rule

test_caught if {
	some f in rule.findings with input as d.one_stage([d.run([["a"]], 0, 2), d.run([["b"]], 0, 3), d.run([["c"]], 0, 4)])
	f.startLine == 2
	contains(f.msg, "3 consecutive RUN")
}

test_one_finding_per_series if {
	d.lines(rule.findings) == {2, 5} with input as d.one_stage([d.run([["a"]], 0, 2), d.run([["b"]], 0, 3), d.ins("WORKDIR", ["/x"], 0, 4), d.run([["c"]], 0, 5), d.run([["d"]], 0, 6)])
}

test_copy_same_destination_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("COPY", ["a", "./"], 0, 2), d.ins("COPY", ["b", "./"], 0, 3)])
}

test_copy_other_destination_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", ["a", "./one"], 0, 2), d.ins("COPY", ["b", "./two"], 0, 3)])
}

test_separate_stages_are_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["a"]], 0, 2), d.run([["b"]], 1, 11)])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["a"]], 0, 2), d.run([["b"]], 0, 3)])
}

test_each_series_ends_at_its_own_end if {
	doc := d.one_stage([
		d.run([["a"]], 0, 2), d.run([["b"]], 0, 3), d.ins("WORKDIR", ["/x"], 0, 4),
		d.run([["c"]], 0, 5), d.run([["d"]], 0, 6), d.run([["e"]], 0, 7),
	])
	{f.msg | some f in rule.findings} == {
		"2 consecutive RUN instructions (lines 2-3) could be one",
		"3 consecutive RUN instructions (lines 5-7) could be one",
	} with input as doc
}

# A series that runs to the last instruction, after one that starts at the first, and a file with
# no instructions: the ends of the shifted list of joins.
test_series_at_both_ends_of_the_file if {
	doc := d.one_stage([
		d.run([["a"]], 0, 2), d.run([["b"]], 0, 3), d.ins("WORKDIR", ["/x"], 0, 4),
		d.ins("COPY", ["a", "./"], 0, 5), d.ins("COPY", ["b", "./"], 0, 6),
	])
	d.lines(rule.findings) == {2, 5} with input as doc
	count(rule.findings) == 0 with input as d.one_stage([])
}
