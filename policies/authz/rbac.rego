# METADATA
# title: Operation not permitted by the user's roles
# description: >-
#   Role-based access: the operation (`containers/create`, ...) is not among those the roles of the
#   requesting user permit. Enforced once any user has roles.
# custom:
#   id: CPA005
#   severity: deny
#   remediation: >-
#     Give the user a role that permits the operation in `rbac.user_roles` / `rbac.roles`, or deploy
#     as a user who has one.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: ["D04"]
#     pci-dss: ["7.2.1", "7.2.2"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.rbac

import data.docker.authz.lib

category := "access-control"

severity := "high"

deny contains msg if {
	count(lib.setting("rbac.user_roles")) > 0
	not permitted
	msg := sprintf("user %s has no role permitting %s", [requester, operation])
}

requester := lib.user

requester := "(anonymous)" if not lib.user

# The path without the API version: /v1.47/containers/create -> containers/create.
operation := concat("/", [part |
	some i, part in input.PathArr
	i > 0
	not regex.match(`^v[0-9.]+$`, part)
])

permitted if {
	some role in object.get(lib.setting("rbac.user_roles"), lib.user, [])
	some allowed in object.get(lib.setting("rbac.roles"), role, [])
	glob.match(allowed, ["/"], operation)
}
