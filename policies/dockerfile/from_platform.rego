# METADATA
# title: FROM pins a platform
# description: >-
#   `FROM --platform=<value>` with a literal platform forces one architecture, so a
#   multi-platform build silently builds the wrong one. Build-time variables (`$BUILDPLATFORM`,
#   `$TARGETPLATFORM`) are accepted.
# custom:
#   id: CPD006
#   severity: warn
#   remediation: >-
#     Drop `--platform` and choose the platform at build time (`docker buildx build --platform
#     ...`), or use `--platform=$BUILDPLATFORM` for cross-compiling builder stages.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3029"]
#     trivy: []
#     kics: ["b16e8501-ef3c-44e1-a543-a093238099c9"]
#     checkov: []
package container_policy.rules.dockerfile.from_platform

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["FROM"])

	# BuildKit reads the value as a word, its quotes removed: --platform="linux/amd64" is linux/amd64.
	platform := lib.flag_value(ins, "platform")
	not contains(platform, "$")
	finding := lib.at_instruction(ins, sprintf("FROM forces --platform=%s", [platform]))
}
