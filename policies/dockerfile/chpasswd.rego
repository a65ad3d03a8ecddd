# METADATA
# title: Password set in a build step
# description: >-
#   `chpasswd` (or `passwd` fed on stdin) in a build bakes a password into the image and its
#   history.
# custom:
#   id: CPD029
#   severity: warn
#   remediation: >-
#     Do not set passwords in images; use key-based access at run time, or a secret mount (`RUN
#     --mount=type=secret,id=pw ...`).
#   compliance:
#     cis-docker: ["4.10"]
#     nist-800-190: ["4.1.4"]
#     owasp-docker: ["D06"]
#     pci-dss: ["3.5.1", "8.3.2"]
#     soc2: ["CC6.7"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: ["CKV2_DOCKER_17"]
package container_policy.rules.dockerfile.chpasswd

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["chpasswd"])
	finding := lib.at_command(cmd, "chpasswd sets a password inside the image")
}
