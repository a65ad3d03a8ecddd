# METADATA
# title: RUN uses sudo
# description: >-
#   Build steps already run as the USER in effect; `sudo` in a Dockerfile means the image
#   carries sudo and its setuid binary, and hides which user a step runs as.
# custom:
#   id: CPD022
#   severity: warn
#   remediation: >-
#     Remove `sudo`: switch with `USER root` before the step and back to the unprivileged user
#     after it.
#   compliance:
#     cis-docker: ["4.1"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D01"]
#     pci-dss: ["7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: ["DL3004"]
#     trivy: ["AVD-DS-0010"]
#     kics: ["8ada6e80-0ade-439e-b176-0b28f6bce35a"]
#     checkov: []
package container_policy.rules.dockerfile.sudo

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands
	cmd.raw[0] == "sudo"
	finding := lib.at_command(cmd, sprintf("RUN runs \"%s\" through sudo", [concat(" ", cmd.raw)]))
}
