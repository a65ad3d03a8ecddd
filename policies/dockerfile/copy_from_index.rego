# METADATA
# title: COPY --from refers to a stage by number
# description: >-
#   `COPY --from=<n>` names a stage by its position; inserting a stage silently changes what is
#   copied.
# custom:
#   id: CPD009
#   severity: warn
#   remediation: >-
#     Name the stage (`FROM ... AS build`) and write `COPY --from=build`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["68a51e22-ae5a-4d48-8e87-b01a323605c9"]
#     checkov: []
package container_policy.rules.dockerfile.copy_from_index

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["COPY"])
	lib.digits_only(ins.flags.from)
	finding := lib.at_instruction(ins, sprintf("COPY --from=%s refers to a stage by number", [ins.flags.from]))
}
