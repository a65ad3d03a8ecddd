# METADATA
# title: More than one CMD in a stage
# description: >-
#   Only the last CMD of a stage takes effect; the earlier ones never run, which usually means
#   the file does not do what its author thinks. Checked in the stages the shipped image is built
#   from; builder stages' CMDs never run.
# custom:
#   id: CPD042
#   severity: warn
#   remediation: >-
#     Keep one CMD per stage (the last one); chain commands in a script if several must run.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL4003"]
#     trivy: []
#     kics: ["41c195f4-fc31-4a5c-8a1b-90605538d49f"]
#     checkov: []
package container_policy.rules.dockerfile.multiple_cmd

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some [a, b] in lib.overridden("CMD")
	finding := lib.at_instruction(a, sprintf("CMD on line %d is overridden by the one on line %d", [a.startLine, b.startLine]))
}
