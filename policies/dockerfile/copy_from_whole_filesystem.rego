# METADATA
# title: COPY --from copies a stage's whole filesystem
# description: >-
#   `COPY --from=<stage> / ...` copies everything of the other stage or image (package manager
#   state, shells, build tools, secrets left in it) instead of the artefacts the image needs,
#   which is what a multi-stage build is meant to avoid.
# custom:
#   id: CPD064
#   severity: warn
#   remediation: >-
#     Copy only the built artefacts: `COPY --from=build /out/app /usr/local/bin/app`.
#   compliance:
#     cis-docker: ["4.3"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3067"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.copy_from_whole_filesystem

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["COPY"])
	from := ins.flags.from
	some src in array.slice(ins.args, 0, count(ins.args) - 1)
	trim(src, `"'`) in {"/", "/.", "/*"}
	finding := lib.at_instruction(ins, sprintf("COPY --from=%s copies the whole filesystem (%s)", [from, src]))
}
