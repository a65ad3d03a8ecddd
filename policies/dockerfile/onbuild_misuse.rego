# METADATA
# title: ONBUILD triggers FROM, ONBUILD or MAINTAINER
# description: >-
#   `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are not allowed; the downstream
#   build fails.
# custom:
#   id: CPD048
#   severity: deny
#   remediation: >-
#     Remove the trigger or use a permitted instruction after ONBUILD.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3043"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.onbuild_misuse

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["ONBUILD"])
	upper(ins.args[0]) in {"ONBUILD", "FROM", "MAINTAINER"}
	finding := lib.at_instruction(ins, sprintf("ONBUILD %s is not allowed", [upper(ins.args[0])]))
}
