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

# A reference names what a shell would read as the variable: `$AxB` is AxB, and `$A.B` is A then ".B".
test_references_are_identifiers if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["A.B=1", "C=$AxB", "D=$A.B"], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ENV", ["A=1", "D=$A.B"], 0, 2)])
}

# Only a name set earlier in the same ENV counts, however often it is set there.
test_order_and_repeats if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ENV", ["B=$A", "A=1"], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ENV", ["A=1", "A=2", "B=${A:-x}"], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ENV", ["B=$A", "A=1", "C=$A"], 0, 2)])
}

# Each argument is split once into name and value; one without `=` has an empty value.
test_env_pair if {
	rule.env_pair("A=$B=c") == ["A", "$B=c"]
	rule.env_pair("A") == ["A", ""]
	rule.env_pair("A=") == ["A", ""]
}
