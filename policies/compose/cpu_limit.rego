# METADATA
# title: Service has no CPU limit
# description: >-
#   A service sets neither `cpus` nor `deploy.resources.limits.cpus`; it can starve the other
#   services of CPU.
# custom:
#   id: CPC015
#   severity: deny
#   remediation: >-
#     Set `deploy.resources.limits.cpus` (or `cpus`), e.g. `"0.5"`.
#   compliance:
#     cis-docker: ["5.12"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D07"]
#     pci-dss: ["2.2.6"]
#     soc2: ["A1.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["6b610c50-99fb-4ef0-a5f3-e312fd945bc3"]
#     checkov: []
package container_policy.rules.compose.cpu_limit

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.limits.cpus == null
	finding := {
		"msg": lib.service_message(name, "has no CPU limit"),
		"path": array.concat(svc.path, ["deploy", "resources", "limits", "cpus"]),
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	lib.unlimited(svc.limits.cpus)
	finding := {
		"msg": sprintf("Service \"%s\" sets its CPU limit to %v, which means unlimited", [name, svc.limits.cpus.raw]),
		"path": svc.limits.cpus.path,
	}
}
