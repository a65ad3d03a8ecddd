# METADATA
# title: Service publishes a privileged host port
# description: >-
#   A service publishes a host port below 1024. Those ports are reserved for system services;
#   mapping one needs the daemon to bind it as root and can shadow a host service.
# custom:
#   id: CPC012
#   severity: warn
#   remediation: >-
#     Publish a host port of 1024 or above (e.g. `8080:80`) and put a proxy in front if the low
#     port is needed.
#   compliance:
#     cis-docker: ["5.8"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["2.2.4"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["bc2908f3-f73c-40a9-8793-c1b7d5544f79"]
#     checkov: []
package container_policy.rules.compose.privileged_port

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some port in svc.ports
	is_number(port.published_start)
	port.published_start < 1024
	finding := {
		"msg": lib.service_message(name, concat("", ["publishes privileged host port ", port.published, " (to ", port.target, "/", port.protocol, ")"])),
		# At the `ports` key, where KICS and the other tools report it.
		"path": array.concat(svc.path, ["ports"]),
	}
}
