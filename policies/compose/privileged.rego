# METADATA
# title: Service runs privileged
# description: >-
#   A service sets `privileged: true`. The container then gets every kernel capability, access to
#   all host devices and no seccomp or AppArmor confinement: root in the container is effectively
#   root on the host.
# custom:
#   id: CPC001
#   severity: deny
#   remediation: >-
#     Remove `privileged: true`. Grant only what the service needs: the specific capabilities in
#     `cap_add` (after `cap_drop: [ALL]`) and the specific devices in `devices`.
#   compliance:
#     cis-docker: ["5.5"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["ae5b6871-7f45-42e0-bb4c-ab300c4d2026"]
#     checkov: []
package container_policy.rules.compose.privileged

import data.container_policy.lib.compose as lib

# The normalised boolean: the loader reads `privileged` as compose does (`yes`, `on`, "True", ...).
findings contains finding if {
	some name, svc in lib.normalised
	svc.privileged == true
	finding := {
		"msg": lib.service_message(name, "runs privileged, with all capabilities and host devices"),
		"path": array.concat(svc.path, ["privileged"]),
	}
}
