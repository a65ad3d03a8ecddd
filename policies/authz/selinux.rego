# METADATA
# title: SELinux confinement disabled
# description: >-
#   The request disables SELinux labelling (`label=disable`) or gives the container an unconfined
#   label type such as spc_t.
# custom:
#   id: CPA008
#   severity: deny
#   remediation: >-
#     Remove `label=disable` and unconfined `label=type:` options from `security_opt`.
#   compliance:
#     cis-docker: ["5.3"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.selinux

import data.docker.authz.lib

category := "selinux"

severity := "high"

deny contains msg if {
	lib.is_create
	"disable" in lib.security_opt_values("label")
	msg := "SELinux labelling is disabled (label=disable)"
}

deny contains msg if {
	lib.is_create
	some value in lib.security_opt_values("label")
	startswith(value, "type:")
	label_type := substring(value, 5, -1)
	label_type in lib.setting("selinux.blocked_types")
	msg := sprintf("SELinux type %s is unconfined", [label_type])
}
