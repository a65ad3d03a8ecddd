# METADATA
# title: RUN runs under a shell the command rules cannot read
# description: >-
#   A shell-form RUN runs under a shell that is not a POSIX shell: a SHELL naming PowerShell, cmd
#   or another program, or cmd, the default shell of a Windows base image. Its script is not split
#   into commands, so no command-level rule (piping downloads into a shell, package pinning, ...)
#   could check it; this is reported rather than skipped, once per stage and shell, at the first such
#   RUN. POSIX shells are recognised by name
#   wherever they are installed (`/usr/local/bin/bash`, `/busybox/sh`, `env bash`).
# custom:
#   id: CPD068
#   severity: warn
#   remediation: >-
#     Review the RUN by hand. Where a POSIX shell is available, name it in SHELL (`SHELL
#     ["/bin/bash", "-o", "pipefail", "-c"]`) or run it in exec form (`RUN ["sh", "-c", "..."]`) to
#     have the commands checked; otherwise suppress CPD068 for the file with the reason.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.run_shell_unchecked

import data.container_policy.lib.dockerfile as lib

# One finding per stage and shell, at its first such RUN: a Windows image's every RUN runs under cmd or
# PowerShell, and a warning on each (754 over the corpus, ten in some files) would bury the others.
findings contains finding if {
	some [stage, shell] in unchecked
	first := min({ins.index | some ins in lib.instructions_of(["RUN"]); ins.stage == stage; ins.foreignShell == shell})
	finding := lib.at_instruction(input.instructions[first], sprintf("RUN instructions of stage %s run under \"%s\", not a POSIX shell, from this one on; command rules could not check them", [lib.stage_name(input.stages[stage]), shell]))
}

unchecked contains [ins.stage, ins.foreignShell] if {
	some ins in lib.instructions_of(["RUN"])
	is_string(ins.foreignShell)
}
