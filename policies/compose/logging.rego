# METADATA
# title: Service has no logging configuration
# description: >-
#   A service sets no `logging`, or the `none` driver: logs either vanish or grow without bound
#   under the default json-file driver with no rotation.
# custom:
#   id: CPC031
#   severity: deny
#   remediation: >-
#     Set `logging` with a driver and rotation, e.g. `driver: json-file` with
#     `options: {max-size: "10m", max-file: "3"}`, or ship logs to a central driver.
#   compliance:
#     cis-docker: ["2.13"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D10"]
#     pci-dss: ["10.2.1"]
#     soc2: ["CC7.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.logging

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.logging == null
	finding := {
		"msg": lib.service_message(name, "has no logging configuration"),
		"path": svc.path,
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	svc.logging.driver == "none"
	finding := {
		"msg": lib.service_message(name, "discards its logs (logging driver none)"),
		"path": svc.logging.path,
	}
}
