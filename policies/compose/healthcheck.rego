# METADATA
# title: Service has no health check, or disables it
# description: >-
#   A service defines no `healthcheck` (or sets `disable: true` / test `NONE`), so neither
#   Docker nor the services depending on it can tell a hung process from a healthy one. A health
#   check in the image is not visible here; say so with an exclusion if the image has one.
# custom:
#   id: CPC018
#   severity: deny
#   remediation: >-
#     Add a `healthcheck` with a `test` that exercises the service, e.g. `test: ["CMD", "curl",
#     "-f", "http://localhost/health"]`.
#   compliance:
#     cis-docker: ["5.27"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D10"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC7.2", "A1.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["698ed579-b239-4f8f-a388-baa4bcb13ef8"]
#     checkov: []
package container_policy.rules.compose.healthcheck

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.healthcheck == null
	finding := {
		"msg": lib.service_message(name, "has no healthcheck"),
		"path": svc.path,
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	svc.healthcheck.disabled
	finding := {
		"msg": lib.service_message(name, "disables its healthcheck"),
		"path": svc.healthcheck.path,
	}
}
