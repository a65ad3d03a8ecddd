# METADATA
# title: RUN cd instead of WORKDIR
# description: >-
#   A RUN starts with `cd`, which WORKDIR says once for every later instruction, or ends with one,
#   which changes nothing: each RUN starts in the WORKDIR again, so a later step that relies on it
#   runs elsewhere. A `cd` after other commands of its RUN (into a directory the RUN just unpacked
#   or cloned, or back out of it before cleaning up) is how one layer builds and removes sources,
#   and is not reported.
# custom:
#   id: CPD023
#   severity: warn
#   remediation: >-
#     Use `WORKDIR /path` to set the directory for the following instructions, and drop a
#     trailing `cd`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3003"]
#     trivy: []
#     kics: ["f4a6bcd3-e231-4acf-993c-aa027be50d2e"]
#     checkov: []
package container_policy.rules.dockerfile.run_cd

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins_index in runs_with_cd
	cmds := lib.instruction_commands(ins_index)
	some i, cmd in cmds
	cmd.program == "cd"
	finding := lib.at_command(cmd, message(cmd, i, cmds))
}

runs_with_cd contains cmd.ins if some cmd in lib.commands_of(["cd"])

message(cmd, i, cmds) := concat("", [quoted(cmd), " is the RUN's last command, so it changes nothing: the next instruction starts in the WORKDIR again"]) if {
	i == count(cmds) - 1
} else := concat("", ["RUN starts with ", quoted(cmd), "; use WORKDIR, which sets the directory for later instructions too"]) if {
	i == first_working(cmds)
}

quoted(cmd) := concat("", ["\"", concat(" ", cmd.words), "\""])

# Where a RUN's work starts: `set -eux` first changes no directory.
first_working(cmds) := min([j | some j, c in cmds; c.program != "set"])
