# METADATA
# title: COPY with several sources to a destination not ending in /
# description: >-
#   With more than one source, the destination must be a directory written with a trailing `/`;
#   BuildKit refuses the build otherwise.
# custom:
#   id: CPD047
#   severity: deny
#   remediation: >-
#     End the destination with `/`: `COPY package.json package-lock.json /app/`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3021"]
#     trivy: ["AVD-DS-0011"]
#     kics: ["6db6e0c2-32a3-4a2e-93b5-72c35f4119db"]
#     checkov: []
package container_policy.rules.dockerfile.copy_multiple_sources

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["COPY", "ADD"])
	count(ins.args) > 2
	count(object.get(ins, "heredocs", [])) == 0
	count(lib.flags_without_value(ins)) == 0 # CPD075 says why: a flag's value read as a source
	dest := ins.args[count(ins.args) - 1]
	not endswith(dest, "/")
	not endswith(dest, "\\")
	not contains(dest, "$")
	finding := lib.at_instruction(ins, sprintf("%s has %d sources but its destination \"%s\" does not end with /", [ins.keyword, count(ins.args) - 1, dest]))
}
