package container_policy.rules.dockerfile.env_self_reference_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.env_self_reference as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ENV", ["A=/opt", "B=$A/bin"], 0, 2)])
}

test_braces_are_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ENV", ["A=/opt", "B=${A}"], 0, 2)])
}

test_defined_earlier_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["A=/usr"], 0, 2), d.ins("ENV", ["A=/opt", "B=$A/bin"], 0, 3)])
}

test_prefix_name_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["A=/opt", "B=$AB"], 0, 2)])
}

test_separate_env_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["A=/opt"], 0, 2), d.ins("ENV", ["B=$A/bin"], 0, 3)])
}

# A name that is not plain identifier characters is still matched as the pattern reads it.
test_name_with_pattern_syntax_is_run_through_the_pattern if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ENV", ["A.B=1", "C=$AxB"], 0, 2)])
	rule.may_refer("no dollar", "A.B", rule.plain_name("A.B"))
	not rule.may_refer("$B_A", "A", rule.plain_name("A"))
	rule.may_refer("x${A}", "A", rule.plain_name("A"))
}

# Each argument is split once into name and value; one without `=` has an empty value.
test_env_pair if {
	rule.env_pair("A=$B=c") == ["A", "$B=c"]
	rule.env_pair("A") == ["A", ""]
	rule.env_pair("A=") == ["A", ""]
}
