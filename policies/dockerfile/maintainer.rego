# METADATA
# title: MAINTAINER is deprecated
# description: >-
#   MAINTAINER has been deprecated since Docker 1.13.
# custom:
#   id: CPD046
#   severity: warn
#   remediation: >-
#     Use a label: `LABEL org.opencontainers.image.authors="team@example.com"`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL4000"]
#     trivy: ["AVD-DS-0022"]
#     kics: ["99614418-f82b-4852-a9ae-5051402b741c"]
#     checkov: []
package container_policy.rules.dockerfile.maintainer

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["MAINTAINER"])
	finding := lib.at_instruction(ins, concat("", ["MAINTAINER ", ins.value, " is deprecated"]))
}
