# METADATA
# title: Seccomp confinement disabled or unapproved
# description: >-
#   The request turns the default seccomp profile off (`seccomp=unconfined`), or names a profile
#   outside the approved list, so the container can make system calls the daemon would otherwise
#   block.
# custom:
#   id: CPA001
#   severity: deny
#   remediation: >-
#     Remove `seccomp=unconfined` from `security_opt`; use the default profile or one listed in the
#     setting `seccomp.approved_profiles`.
#   compliance:
#     cis-docker: ["5.22"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.seccomp

import data.docker.authz.lib

category := "seccomp"

severity := "high"

deny contains msg if {
	lib.is_create
	"unconfined" in lib.security_opt_values("seccomp")
	msg := "seccomp is disabled (seccomp=unconfined)"
}

deny contains msg if {
	lib.is_create
	some profile in lib.security_opt_values("seccomp")
	profile != "unconfined"
	approved := lib.setting("seccomp.approved_profiles")
	count(approved) > 0
	not profile in approved
	msg := sprintf("seccomp profile %s is not an approved profile", [profile])
}
