# METADATA
# title: Service shares the host's UTS namespace
# description: >-
#   A service sets `uts: host`: it can change the host's hostname and domain name.
# custom:
#   id: CPC010
#   severity: deny
#   remediation: >-
#     Remove `uts: host`.
#   compliance:
#     cis-docker: ["5.21"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.host_uts

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.uts)
	lower(svc.uts) == "host"
	finding := {
		"msg": sprintf("Service \"%s\" sets uts: \"%s\", sharing the host's UTS namespace", [name, svc.uts]),
		"path": array.concat(svc.path, ["uts"]),
	}
}
