# METADATA
# title: AppArmor confinement disabled
# description: >-
#   The request runs the container without AppArmor (`apparmor=unconfined`), or with a profile other
#   than the required one.
# custom:
#   id: CPA007
#   severity: deny
#   remediation: >-
#     Remove `apparmor=unconfined`; when `apparmor.required_profile` is set, use `security_opt:
#     ["apparmor=<that profile>"]`.
#   compliance:
#     cis-docker: ["5.2"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.apparmor

import data.docker.authz.lib

category := "apparmor"

severity := "high"

deny contains msg if {
	lib.is_create
	"unconfined" in lib.security_opt_values("apparmor")
	msg := "AppArmor is disabled (apparmor=unconfined)"
}

deny contains msg if {
	lib.is_create
	required := lib.setting("apparmor.required_profile")
	required != ""
	not uses_profile(required)
	msg := sprintf("AppArmor profile %s is required", [required])
}

uses_profile(profile) if profile in lib.security_opt_values("apparmor")
