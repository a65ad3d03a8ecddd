# METADATA
# title: Pipe in RUN without pipefail
# description: >-
#   A RUN pipes one command into another (`curl ... | tar x`) under a shell without `pipefail`:
#   the step's status is the last command's, so a failed download or build step upstream goes
#   unnoticed and the image is built from partial output. Not flagged when the RUN sets `set -o
#   pipefail` before the pipe, the stage's SHELL has `-o pipefail` (for an exec-form RUN, which
#   does not use SHELL, the shell named in its array: `["bash", "-o", "pipefail", "-c", "..."]`),
#   the pipe is in the script of a `bash -o pipefail -c "..."` command, only `echo`/`printf`
#   feed the pipe (they cannot fail), or a `!` inverts the pipe's status (`! { ldd x | grep 'not
#   found'; }`, a check that must find nothing): there pipefail would turn a failing first command
#   into a pass.
# custom:
#   id: CPD054
#   severity: warn
#   remediation: >-
#     Set the shell once with `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `["/bin/ash",
#     "-eo", "pipefail", "-c"]` on Alpine) before the RUN, or start the RUN with `set -o
#     pipefail &&` where the shell supports it.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL4006"]
#     trivy: []
#     kics: ["efbf148a-67e9-42d2-ac47-02fa1c0d0b22"]
#     checkov: []
package container_policy.rules.dockerfile.pipe_without_pipefail

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some upstream in lib.commands
	upstream.pipelineSize > 1
	upstream.position < upstream.pipelineSize - 1
	not harmless_producers[upstream.program]
	cmd := lib.pipe_member[[upstream.ins, upstream.pipeline, 0]]
	not negated(cmd)
	not set_in_run(cmd)
	not shell_has_pipefail(input.instructions[cmd.ins])
	finding := lib.at_command(cmd, concat("", [cmd.program, " is piped into another command without pipefail, so its failure is ignored"]))
}

# A pipe is reported at its pipeline's first command, and the lines below are looked up rather than
# searched for: searching a RUN's commands for each of its pipes took time in the square of its
# commands (one RUN of 10,000 pipes: 53 s).
# pipefail is on for a pipe when a command of its RUN turned it on at or before the pipe's line.
set_in_run(cmd) if pipefail_from[cmd.ins] <= cmd.line

# A `!` inverts the pipe's status (the parser marks its commands).
negated(cmd) if negated_pipes[[cmd.ins, cmd.pipeline]]

# The pipelines whose status a `!` inverts, as [instruction, pipeline], found in one walk of the RUNs'
# own commands, only for a file that has a pipe: looking through a RUN's commands for each of its pipes
# took time in the square of its commands (one RUN of 10,000: 0.7 s became 5 s). Not carried on every
# command lib builds, since few are negated.
negated_pipes contains [ins.index, c.pipeline] if {
	some ins in lib.instructions_of(["RUN"])
	some c in ins.commands
	c.negated
}

# The first line in each RUN at which a command turns pipefail on.
pipefail_from[ins] := min([c.line | some c in lib.instruction_commands(ins); sets_pipefail(c)]) if {
	some ins in pipefail_runs
}

pipefail_runs contains c.ins if {
	some c in lib.commands
	sets_pipefail(c)
}

# `set -o pipefail` (or `set -eo pipefail`, ...).
sets_pipefail(c) if {
	c.program == "set"
	some i, w in c.words
	w == "pipefail"
	endswith(c.words[i - 1], "o")
}

# `bash -o pipefail -c "a | b"` (or `-eo pipefail`): the script it runs, whose commands follow it at its
# line, has pipefail.
sets_pipefail(c) if {
	posix_shells[c.program]
	some i, w in c.words
	w == "pipefail"
	startswith(c.words[i - 1], "-")
	endswith(c.words[i - 1], "o")
}

# The shells whose `-c` scripts are split into the RUN's commands (src/parse/shell/posix-shell.ts).
posix_shells := {"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "hush"}

# The shell that runs the RUN turns pipefail on: the last SHELL of the stage's lineage before a
# shell-form RUN; an exec-form RUN runs the shell its own array names, with the options given there.
shell_has_pipefail(ins) if {
	ins.form == "exec"
	"pipefail" in ins.args
}

shell_has_pipefail(ins) if {
	object.get(ins, "form", "shell") != "exec"
	"pipefail" in lib.setting_at("SHELL", ins).args
}

# Named once: a set literal in the rule body would be built for every command it looks at.
harmless_producers := {"echo", "printf"}
