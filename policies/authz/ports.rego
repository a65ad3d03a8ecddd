# METADATA
# title: Privileged or sensitive host port published
# description: >-
#   A port binding publishes a host port below 1024 that is not explicitly allowed, or a sensitive
#   port (SSH, the Docker API, RDP, the kubelet, ...).
# custom:
#   id: CPA015
#   severity: deny
#   remediation: >-
#     Publish the service on an unprivileged host port (1024 and above), and never on the ports in
#     `ports.sensitive`.
#   compliance:
#     cis-docker: ["5.8", "5.9"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["2.2.4"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.ports

import data.docker.authz.lib

category := "ports"

severity := "medium"

host_ports contains port if {
	some bindings in object.get(lib.host_config, "PortBindings", {})
	some binding in bindings
	binding.HostPort != ""
	port := to_number(split(binding.HostPort, "-")[0])
}

deny contains msg if {
	lib.is_create
	some port in host_ports
	port < 1024
	not port in lib.setting("ports.allowed_privileged")
	msg := sprintf("host port %d is privileged (below 1024)", [port])
}

deny contains msg if {
	lib.is_create
	some port in host_ports
	port in lib.setting("ports.sensitive")
	msg := sprintf("host port %d is a sensitive port", [port])
}
