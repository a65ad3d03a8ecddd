# METADATA
# title: Service has no memory limit
# description: >-
#   A service sets neither `mem_limit` nor `deploy.resources.limits.memory`; one leaking or
#   attacked container can exhaust the host's memory and take down every other service.
# custom:
#   id: CPC014
#   severity: deny
#   remediation: >-
#     Set `deploy.resources.limits.memory` (or `mem_limit`), e.g. `512m`.
#   compliance:
#     cis-docker: ["5.11"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D07"]
#     pci-dss: ["2.2.6"]
#     soc2: ["A1.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["bb9ac4f7-e13b-423d-a010-c74a1bfbe492"]
#     checkov: []
package container_policy.rules.compose.memory_limit

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.limits.memory == null
	finding := {
		"msg": lib.service_message(name, "has no memory limit"),
		"path": array.concat(svc.path, ["deploy", "resources", "limits", "memory"]),
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	lib.unlimited(svc.limits.memory)
	finding := {
		"msg": sprintf("Service \"%s\" sets its memory limit to %v, which means unlimited", [name, svc.limits.memory.raw]),
		"path": svc.limits.memory.path,
	}
}
