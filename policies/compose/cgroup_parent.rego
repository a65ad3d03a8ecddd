# METADATA
# title: Service runs under a custom cgroup parent
# description: >-
#   A service sets `cgroup_parent`, placing it outside the cgroup Docker manages, where the
#   limits set for Docker containers may not apply.
# custom:
#   id: CPC025
#   severity: warn
#   remediation: >-
#     Remove `cgroup_parent` unless the host is set up for it, and confirm the cgroup carries
#     limits.
#   compliance:
#     cis-docker: ["5.25"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["4d9f44c6-2f4a-4317-9bb5-267adbea0232"]
#     checkov: []
package container_policy.rules.compose.cgroup_parent

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.cgroup_parent)
	svc.cgroup_parent != ""
	finding := {
		"msg": sprintf("Service \"%s\" sets cgroup_parent \"%s\"", [name, svc.cgroup_parent]),
		"path": array.concat(svc.path, ["cgroup_parent"]),
	}
}
