# METADATA
# title: Service uses Docker's default bridge network
# description: >-
#   A service sets `network_mode: bridge`, joining docker0 where every container can reach every
#   other one.
# custom:
#   id: CPC026
#   severity: warn
#   remediation: >-
#     Remove `network_mode: bridge`; compose then puts the service on the project network. Use
#     `networks:` to separate tiers.
#   compliance:
#     cis-docker: ["5.30"]
#     nist-800-190: ["4.3.3"]
#     owasp-docker: ["D03"]
#     pci-dss: ["1.4.5"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.default_bridge

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.network_mode in {"bridge", "default"}
	finding := {
		"msg": sprintf("Service \"%s\" uses the default bridge (network_mode: %s)", [name, svc.network_mode]),
		"path": array.concat(svc.path, ["network_mode"]),
	}
}
