# METADATA
# title: EXPOSE port outside 0-65535
# description: >-
#   A port number above 65535 cannot exist; Docker refuses it when the container starts.
# custom:
#   id: CPD040
#   severity: deny
#   remediation: >-
#     Use a port between 1 and 65535.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3011"]
#     trivy: ["AVD-DS-0008"]
#     kics: ["71bf8cf8-f0a1-42fa-b9d2-d10525e0a38e"]
#     checkov: []
package container_policy.rules.dockerfile.port_out_of_range

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["EXPOSE"])
	some port in ins.args
	some number in split(split(port, "/")[0], "-")
	count(number) > 4 # above 65535 takes five digits
	lib.digits_only(number)
	to_number(number) > 65535
	finding := lib.at_instruction(ins, sprintf("EXPOSE %s: port %s is out of range", [port, number]))
}
