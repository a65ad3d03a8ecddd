# METADATA
# title: Service has no restart policy
# description: >-
#   A service sets neither `restart` nor `deploy.restart_policy`, or sets `no`: after a crash or
#   a host reboot it stays down.
# custom:
#   id: CPC033
#   severity: deny
#   remediation: >-
#     Set `restart: on-failure:5` (or `unless-stopped` for long-running services).
#   compliance:
#     cis-docker: ["5.15"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D07"]
#     pci-dss: ["2.2.6"]
#     soc2: ["A1.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.restart_policy

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.restart == null
	finding := {
		"msg": lib.service_message(name, "has no restart policy"),
		"path": svc.path,
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	svc.restart.name == "no"
	finding := {
		"msg": lib.service_message(name, "never restarts (restart: no)"),
		"path": svc.restart.path,
	}
}
