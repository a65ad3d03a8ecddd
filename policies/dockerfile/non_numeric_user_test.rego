package container_policy.rules.dockerfile.non_numeric_user_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.non_numeric_user as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("USER", ["app"], 0, 2)])
}

test_numeric_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("USER", ["app"], 0, 2), d.ins("USER", ["10001:10001"], 0, 3)])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.ins("USER", ["app"], 0, 2), d.ins("USER", ["1000"], 1, 11)])
}

test_variable_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("USER", ["${UID}"], 0, 2)])
}

test_windows_is_not_caught if {
	count(rule.findings) == 0 with input as d.windows([d.ins("USER", ["ContainerUser"], 0, 2)])
}

# `uid` or `uid:gid` in ASCII digits, nothing else.
test_numeric_forms if {
	every user in ["0", "1000", "1000:1000", "007:0"] {
		rule.numeric(user)
	}
	every user in ["", "1000:", ":1000", "1:2:3", "1000:app", "-1", "1e3", "\u0661\u0660"] {
		not rule.numeric(user)
	}
}

# The parser's `user` (variables expanded) is what is judged; an unknown one is CPD002's to report.
expanded(user) := object.union(d.ins("USER", ["$U"], 0, 2), {"user": user})

test_expanded_user_is_judged if {
	d.lines(rule.findings) == {2} with input as d.one_stage([expanded("app")])
	count(rule.findings) == 0 with input as d.one_stage([expanded("10001")])
	count(rule.findings) == 0 with input as d.one_stage([expanded(null)])
}
