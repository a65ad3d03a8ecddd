# METADATA
# title: More than one ENTRYPOINT in a stage
# description: >-
#   Only the last ENTRYPOINT of a stage takes effect; the earlier ones never run, which usually
#   means the file does not do what its author thinks. Checked in the stages the shipped image is
#   built from; builder stages' ENTRYPOINTs never run.
# custom:
#   id: CPD043
#   severity: warn
#   remediation: >-
#     Keep one ENTRYPOINT per stage (the last one); chain commands in a script if several must
#     run.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL4004"]
#     trivy: []
#     kics: ["6938958b-3f1a-451c-909b-baeee14bdc97"]
#     checkov: []
package container_policy.rules.dockerfile.multiple_entrypoint

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some [a, b] in lib.overridden("ENTRYPOINT")
	finding := lib.at_instruction(a, sprintf("ENTRYPOINT on line %d is overridden by the one on line %d", [a.startLine, b.startLine]))
}
