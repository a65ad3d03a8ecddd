# METADATA
# title: Pipe in RUN without pipefail
# description: >-
#   A RUN pipes one command into another (`curl ... | tar x`) under a shell without `pipefail`:
#   the step's status is the last command's, so a failed download or build step upstream goes
#   unnoticed and the image is built from partial output. Not flagged when the RUN sets `set -o
#   pipefail` before the pipe, the stage's SHELL has `-o pipefail` (for an exec-form RUN, which
#   does not use SHELL, the shell named in its array: `["bash", "-o", "pipefail", "-c", "..."]`),
#   the pipe is in the script of a `bash -o pipefail -c "..."` command, or only `echo`/`printf`
#   feed the pipe (they cannot fail).
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
	some cmd in lib.commands
	cmd.pipelineSize > 1
	cmd.position == 0
	last := cmd.pipelineSize - 1
	some upstream in lib.instruction_commands(cmd.ins)
	upstream.pipeline == cmd.pipeline
	upstream.position < last
	not harmless_producers[upstream.program]
	not set_in_run(cmd)
	not shell_has_pipefail(input.instructions[cmd.ins])
	finding := lib.at_command(cmd, concat("", [cmd.program, " is piped into another command without pipefail, so its failure is ignored"]))
}

# `set -o pipefail` (or `set -eo pipefail`, ...) in the same RUN before the pipe.
set_in_run(cmd) if {
	some c in lib.instruction_commands(cmd.ins)
	c.program == "set"
	c.line <= cmd.line
	some i, w in c.words
	w == "pipefail"
	endswith(c.words[i - 1], "o")
}

# `bash -o pipefail -c "a | b"` (or `-eo pipefail`) in the same RUN before the pipe: the script it runs,
# whose commands follow it at its line, has pipefail.
set_in_run(cmd) if {
	some c in lib.instruction_commands(cmd.ins)
	posix_shells[c.program]
	c.line <= cmd.line
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
