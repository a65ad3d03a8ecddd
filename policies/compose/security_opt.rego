# METADATA
# title: Service sets no security options
# description: >-
#   A service has no `security_opt` at all: no `no-new-privileges`, no seccomp, AppArmor or
#   SELinux choice has been made for it.
# custom:
#   id: CPC023
#   severity: warn
#   remediation: >-
#     Add `security_opt` with at least `no-new-privileges:true`.
#   compliance:
#     cis-docker: ["5.2", "5.3", "5.26"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["610e266e-6c12-4bca-9925-1ed0cd29742b"]
#     checkov: []
package container_policy.rules.compose.security_opt

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	count(svc.security_opt) == 0
	finding := {
		"msg": lib.service_message(name, "sets no security_opt"),
		"path": svc.path,
	}
}
