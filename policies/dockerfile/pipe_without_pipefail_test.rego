package container_policy.rules.dockerfile.pipe_without_pipefail_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.pipe_without_pipefail as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.pipe([["curl", "u"], ["tar", "x"]], 0, 2)])
}

test_set_pipefail_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.pipe([["curl", "u"], ["tar", "x"]], 0, 2), {"commands": [
		{"words": ["set", "-euxo", "pipefail"], "line": 2, "pipeline": 1, "position": 0, "pipelineSize": 1},
		{"words": ["curl", "u"], "line": 2, "pipeline": 0, "position": 0, "pipelineSize": 2},
		{"words": ["tar", "x"], "line": 2, "pipeline": 0, "position": 1, "pipelineSize": 2},
	]})])
}

test_shell_with_pipefail_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("SHELL", ["/bin/bash", "-o", "pipefail", "-c"], 0, 2), d.pipe([["a"], ["b"]], 0, 3)])
}

test_shell_inherited_from_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.chained([d.ins("SHELL", ["/bin/bash", "-o", "pipefail", "-c"], 0, 2), d.pipe([["a"], ["b"]], 1, 11)])
}

test_shell_in_unrelated_stage_is_caught if {
	d.lines(rule.findings) == {11} with input as d.two_stages([d.ins("SHELL", ["/bin/bash", "-o", "pipefail", "-c"], 0, 2), d.pipe([["a"], ["b"]], 1, 11)])
}

test_echo_into_checksum_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.pipe([["echo", "abc  f"], ["sha256sum", "-c", "-"]], 0, 2)])
}

test_failing_command_later_in_pipe_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.pipe([["echo", "x"], ["grep", "y"], ["tee", "z"]], 0, 2)])
}

# `RUN ["sh", "-c", "a | b"]`: the array, then its script's pipe.
exec_pipe(args, stage, line) := object.union(d.ins("RUN", args, stage, line), {"form": "exec", "commands": [
	{"words": args, "line": line, "pipeline": 0, "position": 0, "pipelineSize": 1},
	{"words": ["a"], "line": line, "pipeline": 1, "position": 0, "pipelineSize": 2},
	{"words": ["b"], "line": line, "pipeline": 1, "position": 1, "pipelineSize": 2},
]})

test_exec_form_shell_with_pipefail_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([exec_pipe(["bash", "-o", "pipefail", "-c", "a | b"], 0, 2)])
}

test_exec_form_ignores_the_stage_shell if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.ins("SHELL", ["/bin/bash", "-o", "pipefail", "-c"], 0, 2), exec_pipe(["sh", "-c", "a | b"], 0, 3)])
}

# `RUN bash -o pipefail -c "curl u | tar x"`: the shell command, then its script's pipe at its line.
test_shell_command_with_pipefail_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.pipe([["curl", "u"], ["tar", "x"]], 0, 2), {"commands": [
		{"words": ["bash", "-o", "pipefail", "-c", "curl u | tar x"], "line": 2, "pipeline": 0, "position": 0, "pipelineSize": 1},
		{"words": ["curl", "u"], "line": 2, "pipeline": 1, "position": 0, "pipelineSize": 2},
		{"words": ["tar", "x"], "line": 2, "pipeline": 1, "position": 1, "pipelineSize": 2},
	]})])
}

test_shell_command_without_pipefail_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([object.union(d.pipe([["curl", "u"], ["tar", "x"]], 0, 2), {"commands": [
		{"words": ["bash", "-e", "-c", "curl u | tar x"], "line": 2, "pipeline": 0, "position": 0, "pipelineSize": 1},
		{"words": ["curl", "u"], "line": 2, "pipeline": 1, "position": 0, "pipelineSize": 2},
		{"words": ["tar", "x"], "line": 2, "pipeline": 1, "position": 1, "pipelineSize": 2},
	]})])
}

# `! { ldd x | grep 'not found'; }` must find nothing: with pipefail, a failing ldd would make the
# check pass. Only the negated pipe is left alone; another in the same RUN is still caught.
test_pipe_whose_status_a_bang_inverts_is_not_caught if {
	d.lines(rule.findings) == {3} with input as d.one_stage([object.union(d.pipe([["ldd", "x"], ["grep", "not found"]], 0, 2), {"commands": [
		{"words": ["ldd", "x"], "line": 2, "pipeline": 0, "position": 0, "pipelineSize": 2, "negated": true},
		{"words": ["grep", "not found"], "line": 2, "pipeline": 0, "position": 1, "pipelineSize": 2, "negated": true},
		{"words": ["curl", "u"], "line": 3, "pipeline": 1, "position": 0, "pipelineSize": 2},
		{"words": ["tar", "x"], "line": 3, "pipeline": 1, "position": 1, "pipelineSize": 2},
	]})])
}
