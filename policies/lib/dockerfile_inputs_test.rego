# Builders for Dockerfile rule tests, on top of inputs_test. The `_test.rego` suffix keeps this file
# out of the Wasm bundle. Commands are given as word lists, as the parser's shell splitter gives them.
package container_policy.lib.dockerfile_inputs_test

import data.container_policy.lib.inputs_test as t

alpine := t.image("alpine:3.20", "3.20", null)

# A one-stage file (FROM on line 1) with the given instructions.
one_stage(instructions) := t.dockerfile([{"fromLine": 1, "image": alpine}], instructions)

# A two-stage file: "build" from line 1, the final stage from line 10.
two_stages(instructions) := t.dockerfile(
	[
		{"name": "build", "fromLine": 1, "image": alpine},
		{"fromLine": 10, "image": alpine},
	],
	instructions,
)

# A RUN on `line` of `stage` whose commands (word lists) are joined with `&&`, all on that line.
run(cmds, stage, line) := object.union(t.instruction("RUN", [], stage, line), {
	"form": "shell",
	"commands": [{"words": w, "line": line, "pipeline": i, "position": 0, "pipelineSize": 1} | some i, w in cmds],
})

# A RUN whose commands form one pipeline `a | b | ...`.
pipe(cmds, stage, line) := object.union(t.instruction("RUN", [], stage, line), {
	"form": "shell",
	"commands": [{"words": w, "line": line, "pipeline": 0, "position": i, "pipelineSize": count(cmds)} | some i, w in cmds],
})

# Any other instruction, with flags.
ins(keyword, args, stage, line) := t.instruction(keyword, args, stage, line)

flagged(keyword, flags, args, stage, line) := object.union(t.instruction(keyword, args, stage, line), {"flags": flags})

# The single RUN of a one-stage file, as a document.
one_run(words) := one_stage([run([words], 0, 2)])

lines(findings) := {f.startLine | some f in findings}

# Like two_stages, but the final stage is built on "build" (`FROM build`).
chained(instructions) := t.dockerfile(
	[
		{"name": "build", "fromLine": 1, "image": alpine},
		{"fromLine": 10, "baseStage": 0},
	],
	instructions,
)

# A one-stage file whose stage is called `name`.
named(name, instructions) := t.dockerfile([{"name": name, "fromLine": 1, "image": alpine}], instructions)

# A one-stage file built on a Windows Server Core image.
windows(instructions) := t.dockerfile(
	[{"fromLine": 1, "image": object.union(t.image("mcr.microsoft.com/windows/servercore:ltsc2022", "ltsc2022", null), {"repository": "windows/servercore"})}],
	instructions,
)

# The single RUN of a one-stage file, on line 2, whose one command has `redirects`.
redirected(words, redirects) := one_stage([object.union(run([words], 0, 2), {"commands": [{"words": words, "line": 2, "pipeline": 0, "position": 0, "pipelineSize": 1, "redirects": redirects}]})])
