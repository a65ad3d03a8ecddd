# METADATA
# title: Service does not drop all capabilities
# description: >-
#   A service does not start from `cap_drop: [ALL]`, so it keeps Docker's default capability set
#   (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, ...), more than most processes need.
# custom:
#   id: CPC004
#   severity: warn
#   remediation: >-
#     Add `cap_drop: [ALL]` and add back in `cap_add` only what the process needs.
#   compliance:
#     cis-docker: ["5.4"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.4", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["ce76b7d0-9e77-464d-b86f-c5c48e03e22d"]
#     checkov: []
package container_policy.rules.compose.cap_drop

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	count(svc.cap_drop) == 0
	finding := {
		"msg": lib.service_message(name, "keeps the default capabilities: it has no cap_drop"),
		"path": svc.path,
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	count(svc.cap_drop) > 0
	not drops_all(svc)
	finding := {
		"msg": sprintf("Service \"%s\" drops only %s, not ALL", [name, concat(", ", [c.name | some c in svc.cap_drop])]),
		"path": array.concat(svc.path, ["cap_drop"]),
	}
}

drops_all(svc) if {
	some c in svc.cap_drop
	c.name == "ALL"
}
