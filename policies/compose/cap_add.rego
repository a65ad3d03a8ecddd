# METADATA
# title: Service adds kernel capabilities
# description: >-
#   A service lists capabilities in `cap_add`. Each one widens what root in the container can do
#   to the kernel; `ALL` or `SYS_ADMIN` give almost everything `privileged` does.
# custom:
#   id: CPC003
#   severity: warn
#   remediation: >-
#     Remove `cap_add`, or keep only the capabilities the process needs after `cap_drop: [ALL]`
#     (for example `NET_BIND_SERVICE` to bind a low port).
#   compliance:
#     cis-docker: ["5.4"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.4", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["ce76b7d0-9e77-464d-b86f-c5c48e03e22d"]
#     checkov: []
package container_policy.rules.compose.cap_add

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	count(svc.cap_add) > 0
	finding := {
		"msg": sprintf("Service \"%s\" adds capabilities %s", [name, concat(", ", [c.name | some c in svc.cap_add])]),
		"path": array.concat(svc.path, ["cap_add"]),
	}
}
