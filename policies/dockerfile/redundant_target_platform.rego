# METADATA
# title: FROM --platform=$TARGETPLATFORM is redundant
# description: >-
#   `--platform=$TARGETPLATFORM` asks for what BuildKit does by default (the target platform),
#   so it adds nothing and suggests a cross-platform intent that is not there (usually
#   `$BUILDPLATFORM` was meant, for a builder stage that cross-compiles).
# custom:
#   id: CPD066
#   severity: warn
#   remediation: >-
#     Remove the flag, or use `FROM --platform=$BUILDPLATFORM` in a builder stage that
#     cross-compiles for `$TARGETPLATFORM`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3065"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.redundant_target_platform

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["FROM"])

	# BuildKit reads the value as a word, its quotes removed (--platform="$TARGETPLATFORM").
	platform := lib.flag_value(ins, "platform")
	platform in {"$TARGETPLATFORM", "${TARGETPLATFORM}"}
	finding := lib.at_instruction(ins, sprintf("FROM --platform=%s is the default", [platform]))
}
