# METADATA
# title: Service shares the host's IPC namespace
# description: >-
#   A service sets `ipc: host`: it can read and write the host's shared memory and semaphores.
# custom:
#   id: CPC009
#   severity: deny
#   remediation: >-
#     Remove `ipc: host`; share IPC between two services with `ipc: service:<name>` if needed.
#   compliance:
#     cis-docker: ["5.17"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["baa3890f-bed7-46f5-ab8f-1da8fc91c729"]
#     checkov: []
package container_policy.rules.compose.host_ipc

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.ipc)
	lower(svc.ipc) == "host"
	finding := {
		"msg": sprintf("Service \"%s\" sets ipc: \"%s\", sharing the host's IPC namespace", [name, svc.ipc]),
		"path": array.concat(svc.path, ["ipc"]),
	}
}
