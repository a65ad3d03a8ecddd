# METADATA
# title: Service shares the host's cgroup namespace
# description: >-
#   A service sets `cgroup: host`: it sees the host's whole cgroup hierarchy, the processes and
#   limits of every other container, where a private cgroup namespace shows only its own.
#   Escapes that write to cgroup files (the `release_agent` of cgroup v1) start here.
# custom:
#   id: CPC037
#   severity: deny
#   remediation: >-
#     Remove `cgroup: host`, or write `cgroup: private`.
#   compliance:
#     cis-docker: ["5.25"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.host_cgroupns

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.cgroup)
	lower(svc.cgroup) == "host"
	finding := {
		"msg": sprintf("Service \"%s\" sets cgroup: \"%s\", sharing the host's cgroup namespace", [name, svc.cgroup]),
		"path": array.concat(svc.path, ["cgroup"]),
	}
}
