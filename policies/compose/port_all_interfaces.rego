# METADATA
# title: Published port is bound to all host interfaces
# description: >-
#   A service publishes a port without a host IP (or with 0.0.0.0 / ::), so it is reachable on
#   every interface of the host, including public ones, and Docker opens the firewall for it. That
#   includes an entry without a host port (`"5432"`), which Docker publishes on a port it chooses.
# custom:
#   id: CPC013
#   severity: warn
#   remediation: >-
#     Bind the port to the interface that needs it, e.g. `127.0.0.1:8080:80`, or put the service
#     behind a reverse proxy.
#   compliance:
#     cis-docker: ["5.14"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["1.4.5", "2.2.4"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["451d79dc-0588-476a-ad03-3c7f0320abb3"]
#     checkov: []
package container_policy.rules.compose.port_all_interfaces

import data.container_policy.lib.compose as lib

# One finding per service, at its `ports` key, naming every port bound to all interfaces. A port
# without a host port is published too: Docker picks a free host port from its ephemeral range.
findings contains finding if {
	some name, svc in lib.normalised
	open := [shown(p) | some p in svc.ports; all_interfaces(p)]
	count(open) > 0
	finding := {
		"msg": lib.service_message(name, concat("", ["publishes ", concat(", ", open), " on all host interfaces"])),
		"path": array.concat(svc.path, ["ports"]),
	}
}

all_interfaces(port) if port.host_ip in {"", "0.0.0.0", "::", "[::]"}

shown(port) := port.published if port.published != ""

shown(port) := concat("", ["a host port chosen by Docker (for ", port.target, ")"]) if port.published == ""
