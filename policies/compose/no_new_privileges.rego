# METADATA
# title: Service can gain new privileges
# description: >-
#   A service does not set `security_opt: [no-new-privileges:true]`, so a setuid binary in the
#   container can raise the privileges of its process.
# custom:
#   id: CPC020
#   severity: deny
#   remediation: >-
#     Add `no-new-privileges:true` to `security_opt`.
#   compliance:
#     cis-docker: ["5.26"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["27fcc7d6-c49b-46e0-98f1-6c082a6a2750"]
#     checkov: []
package container_policy.rules.compose.no_new_privileges

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	not enabled(svc)
	finding := {
		"msg": lib.service_message(name, "does not set no-new-privileges"),
		"path": array.concat(svc.path, ["security_opt"]),
	}
}

enabled(svc) if {
	some o in lib.security_opts(svc, "no-new-privileges")
	lower(o.value) in {"", "true"}
}
