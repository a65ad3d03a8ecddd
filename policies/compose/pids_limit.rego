# METADATA
# title: Service has no PIDs limit
# description: >-
#   A service sets neither `pids_limit` nor `deploy.resources.limits.pids`; a fork bomb in it
#   can exhaust the host's process table.
# custom:
#   id: CPC016
#   severity: deny
#   remediation: >-
#     Set `pids_limit` (or `deploy.resources.limits.pids`), e.g. `200`.
#   compliance:
#     cis-docker: ["5.29"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D07"]
#     pci-dss: ["2.2.6"]
#     soc2: ["A1.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["221e0658-cb2a-44e3-b08a-db96a341d6fa"]
#     checkov: []
package container_policy.rules.compose.pids_limit

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.limits.pids == null
	finding := {
		"msg": lib.service_message(name, "has no PIDs limit"),
		"path": array.concat(svc.path, ["deploy", "resources", "limits", "pids"]),
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	lib.unlimited(svc.limits.pids)
	finding := {
		"msg": sprintf("Service \"%s\" sets its PIDs limit to %v, which means unlimited", [name, svc.limits.pids.raw]),
		"path": svc.limits.pids.path,
	}
}
