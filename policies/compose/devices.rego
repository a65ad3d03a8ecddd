# METADATA
# title: Service gets direct access to host devices
# description: >-
#   A service maps host devices into the container with `devices`; with write or mknod
#   permission it can reach hardware or host disks directly.
# custom:
#   id: CPC024
#   severity: warn
#   remediation: >-
#     Remove the device, or give it read-only permission (`/dev/x:/dev/x:r`) if the service must
#     use it.
#   compliance:
#     cis-docker: ["5.18"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.devices

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some device in svc.devices
	finding := {
		"msg": sprintf("Service \"%s\" maps host device \"%s\" with permissions %s", [name, device.source, device.permissions]),
		"path": device.path,
	}
}
