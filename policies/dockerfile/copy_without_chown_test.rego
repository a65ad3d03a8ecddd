package container_policy.rules.dockerfile.copy_without_chown_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.copy_without_chown as rule

test_caught if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.ins("USER", ["app"], 0, 2), d.ins("COPY", [".", "/app"], 0, 3)])
}

test_chown_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("USER", ["app"], 0, 2), d.flagged("COPY", {"chown": "app"}, [".", "/app"], 0, 3)])
}

test_before_user_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", [".", "/app"], 0, 2), d.ins("USER", ["app"], 0, 3)])
}

test_root_user_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("USER", ["root"], 0, 2), d.ins("COPY", [".", "/app"], 0, 3)])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.ins("USER", ["app"], 0, 2), d.ins("COPY", [".", "/app"], 0, 3)])
}

test_windows_is_not_caught if {
	count(rule.findings) == 0 with input as d.windows([d.ins("USER", ["ContainerUser"], 0, 2), d.ins("COPY", [".", "/app"], 0, 3)])
}

test_inherited_user_is_caught if {
	d.lines(rule.findings) == {11} with input as d.chained([d.ins("USER", ["app"], 0, 2), d.ins("COPY", [".", "/app"], 1, 11)])
}

# The parser's `user` (variables expanded) is what is judged: `ARG U=root`, `USER $U` is root.
user_then_copy(user) := d.one_stage([object.union(d.ins("USER", ["$U"], 0, 2), {"user": user}), d.ins("COPY", [".", "/app"], 0, 3)])

test_expanded_user_is_judged if {
	d.lines(rule.findings) == {3} with input as user_then_copy("app")
	count(rule.findings) == 0 with input as user_then_copy("root")
	count(rule.findings) == 0 with input as user_then_copy(null)
}
