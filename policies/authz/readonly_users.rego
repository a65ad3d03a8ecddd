# METADATA
# title: Read-only user makes a change
# description: >-
#   A user the policy lists as read-only sends a request other than GET or HEAD, such as creating a
#   container.
# custom:
#   id: CPA004
#   severity: deny
#   remediation: >-
#     Have a user with write access deploy this, or remove the user from `readonly_users.users`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: ["D04"]
#     pci-dss: ["7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.readonly_users

import data.docker.authz.lib

category := "access-control"

severity := "high"

deny contains msg if {
	lib.user in lib.setting("readonly_users.users")
	not input.Method in {"GET", "HEAD"}
	msg := sprintf("user %s is read-only and may not %s %s", [lib.user, input.Method, input.PathPlain])
}
