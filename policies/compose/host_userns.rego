# METADATA
# title: Service shares the host's user namespace
# description: >-
#   A service sets `userns_mode: host`, opting out of user-namespace remapping: root in the
#   container is root on the host.
# custom:
#   id: CPC011
#   severity: deny
#   remediation: >-
#     Remove `userns_mode: host`.
#   compliance:
#     cis-docker: ["5.31"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["8af7162d-6c98-482f-868e-0d33fb675ca8"]
#     checkov: []
package container_policy.rules.compose.host_userns

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.userns_mode)
	lower(svc.userns_mode) == "host"
	finding := {
		"msg": sprintf("Service \"%s\" sets userns_mode: \"%s\", sharing the host's user namespace", [name, svc.userns_mode]),
		"path": array.concat(svc.path, ["userns_mode"]),
	}
}
