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
	f.msg == "RUN runs under \"cmd\", not a POSIX shell; command rules could not check it"
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "u"]], 0, 2)])
}
