package container_policy.rules.dockerfile.relative_copy_without_workdir_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.relative_copy_without_workdir as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("COPY", ["a", "app/"], 0, 2)])
}

test_workdir_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("WORKDIR", ["/app"], 0, 2), d.ins("COPY", ["a", "."], 0, 3)])
}

test_inherited_workdir_is_not_caught if {
	count(rule.findings) == 0 with input as d.chained([d.ins("WORKDIR", ["/app"], 0, 2), d.ins("COPY", ["a", "."], 1, 11)])
}

test_absolute_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", ["a", "/app/"], 0, 2)])
}

test_windows_and_variable_destinations_are_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([
		d.ins("COPY", ["a", "C:\\app"], 0, 2), d.ins("COPY", ["a", "c:/app"], 0, 3),
		d.ins("COPY", ["a", "$HOME/x"], 0, 4), d.ins("COPY", ["a", "~/x"], 0, 5), d.ins("COPY", ["a", "\\app"], 0, 6),
	])
}

test_drive_letter_needs_a_separator if {
	d.lines(rule.findings) == {2, 3} with input as d.one_stage([d.ins("COPY", ["a", "C:app"], 0, 2), d.ins("COPY", ["a", "ab:/x"], 0, 3)])
}
