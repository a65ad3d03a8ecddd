# METADATA
# title: Service shares the host's PID namespace
# description: >-
#   A service sets `pid: host`: it sees every process on the host and, as root, can signal or
#   trace them.
# custom:
#   id: CPC008
#   severity: deny
#   remediation: >-
#     Remove `pid: host`.
#   compliance:
#     cis-docker: ["5.16"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["1.4.5", "2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["4f31dd9f-2cc3-4751-9b53-67e4af83dac0"]
#     checkov: []
package container_policy.rules.compose.host_pid

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.pid)
	lower(svc.pid) == "host"
	finding := {
		"msg": sprintf("Service \"%s\" sets pid: \"%s\", sharing the host's process namespace", [name, svc.pid]),
		"path": array.concat(svc.path, ["pid"]),
	}
}
