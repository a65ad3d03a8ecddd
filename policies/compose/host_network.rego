# METADATA
# title: Service uses the host's network
# description: >-
#   A service sets `network_mode: host`: it shares the host's network stack, can bind any host
#   port and reach services listening on the host's loopback interface.
# custom:
#   id: CPC007
#   severity: deny
#   remediation: >-
#     Remove `network_mode: host`; publish the ports the service needs with `ports:` on a
#     user-defined network.
#   compliance:
#     cis-docker: ["5.10"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["7.2.1"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["071a71ff-f868-47a4-ac0b-3c59e4ab5443"]
#     checkov: []
package container_policy.rules.compose.host_network

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.network_mode)
	lower(svc.network_mode) == "host"
	finding := {
		"msg": sprintf("Service \"%s\" sets network_mode: \"%s\", sharing the host's network stack", [name, svc.network_mode]),
		"path": array.concat(svc.path, ["network_mode"]),
	}
}
