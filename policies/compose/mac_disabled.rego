# METADATA
# title: AppArmor or SELinux confinement is disabled
# description: >-
#   A service sets `apparmor:unconfined` or `label:disable`, removing the mandatory access
#   control profile Docker applies by default.
# custom:
#   id: CPC022
#   severity: deny
#   remediation: >-
#     Remove the option, or name a custom AppArmor profile / SELinux label that confines the
#     service.
#   compliance:
#     cis-docker: ["5.2", "5.3"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.mac_disabled

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some o in svc.security_opt
	disabled(o)
	finding := {
		"msg": sprintf("Service \"%s\" disables %s confinement (%s:%s)", [name, system[o.key], o.key, o.value]),
		"path": o.path,
	}
}

system := {"apparmor": "AppArmor", "label": "SELinux"}

disabled(o) if {
	o.key == "apparmor"
	lower(o.value) == "unconfined"
}

disabled(o) if {
	o.key == "label"
	lower(o.value) == "disable"
}
