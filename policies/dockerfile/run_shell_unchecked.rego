# METADATA
# title: RUN runs under a shell the command rules cannot read
# description: >-
#   A shell-form RUN runs under a shell that is not a POSIX shell: a SHELL naming PowerShell, cmd
#   or another program, or cmd, the default shell of a Windows base image. Its script is not split
#   into commands, so no command-level rule (piping downloads into a shell, package pinning, ...)
#   could check it; this is reported rather than skipped. POSIX shells are recognised by name
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

findings contains finding if {
	some ins in lib.instructions_of(["RUN"])
	is_string(ins.foreignShell)
	finding := lib.at_instruction(ins, sprintf("RUN runs under \"%s\", not a POSIX shell; command rules could not check it", [ins.foreignShell]))
}
