package container_policy.rules.dockerfile.run_shell_unchecked_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.run_shell_unchecked as rule

test_caught_0 if {
	d.lines(rule.findings) == {3} with input as d.one_stage([
		d.ins("SHELL", ["powershell", "-Command"], 0, 2),
		object.union(d.ins("RUN", ["iwr", "x"], 0, 3), {"form": "shell", "foreignShell": "powershell"}),
	])
}

test_message_names_the_shell if {
	some f in rule.findings with input as d.one_stage([object.union(d.ins("RUN", ["dir"], 0, 2), {"form": "shell", "foreignShell": "cmd"})])
	f.msg == "RUN instructions of stage 0 run under \"cmd\", not a POSIX shell, from this one on; command rules could not check them"
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "u"]], 0, 2)])
}

foreign(shell, stage, line) := object.union(d.ins("RUN", ["x"], stage, line), {"form": "shell", "foreignShell": shell})

test_one_finding_per_stage_and_shell_at_its_first_run if {
	doc := d.two_stages([
		foreign("cmd", 0, 3),
		foreign("cmd", 0, 4),
		d.ins("SHELL", ["powershell", "-Command"], 0, 5),
		foreign("powershell", 0, 6),
		foreign("powershell", 0, 7),
		foreign("cmd", 1, 11),
		foreign("cmd", 1, 12),
	])
	d.lines(rule.findings) == {3, 6, 11} with input as doc
}
