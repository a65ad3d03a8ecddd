# METADATA
# title: More than one HEALTHCHECK in a stage
# description: >-
#   Only the last HEALTHCHECK of a stage takes effect; earlier ones are dead code that misleads
#   readers.
# custom:
#   id: CPD038
#   severity: warn
#   remediation: >-
#     Keep one HEALTHCHECK per stage.
#   compliance:
#     cis-docker: ["4.6"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: ["A1.2", "CC7.2"]
#   aliases:
#     hadolint: ["DL3012"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.healthcheck_repeated

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some p, a in healthchecks
	b := healthchecks[p + 1] # the next one of its stage overrides it (see lib.overridden)
	a.stage == b.stage
	finding := lib.at_instruction(a, sprintf("HEALTHCHECK is overridden by the one on line %d", [b.startLine]))
}

healthchecks := lib.in_file_order("HEALTHCHECK")
