# METADATA
# title: Stage named like a reserved word
# description: >-
#   A stage is named `scratch` or `context`: `scratch` is the reserved empty image and `context`
#   the build context, so `FROM scratch` and `COPY --from=context` become ambiguous and BuildKit
#   refuses or misreads them.
# custom:
#   id: CPD065
#   severity: deny
#   remediation: >-
#     Rename the stage: `FROM golang:1.22 AS build`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3063"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.reserved_stage_name

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some stage in input.stages
	stage.name in {"scratch", "context"}
	finding := lib.at_from(stage, sprintf("Stage name \"%s\" is reserved", [stage.name]))
}
