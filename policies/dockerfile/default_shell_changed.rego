# METADATA
# title: Default shell changed with RUN
# description: >-
#   Replacing `/bin/sh` with a link (`ln -sf /bin/bash /bin/sh`) or running another shell
#   changes how every later RUN is interpreted without saying so; the SHELL instruction exists
#   for that.
# custom:
#   id: CPD025
#   severity: warn
#   remediation: >-
#     Use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` instead of relinking /bin/sh.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL4005"]
#     trivy: []
#     kics: ["8a301064-c291-4b20-adcb-403fe7fd95fd"]
#     checkov: []
package container_policy.rules.dockerfile.default_shell_changed

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["ln", "powershell", "pwsh", "chsh"])
	changes_shell(cmd)
	finding := lib.at_command(cmd, sprintf("\"%s\" changes the default shell", [concat(" ", cmd.words)]))
}

changes_shell(cmd) if {
	cmd.program == "ln"
	cmd.words[count(cmd.words) - 1] == "/bin/sh"
}

changes_shell(cmd) if cmd.program in {"powershell", "pwsh", "chsh"}
