# METADATA
# title: Host device exposed
# description: >-
#   The container is given a host device that is not on the allowed list.
# custom:
#   id: CPA016
#   severity: deny
#   remediation: >-
#     Remove the device, or add its host path to `devices.allowed` after review.
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
package docker.authz.rules.devices

import data.docker.authz.lib

category := "devices"

severity := "high"

deny contains msg if {
	lib.is_create
	some device in object.get(lib.host_config, "Devices", [])
	not device.PathOnHost in lib.setting("devices.allowed")
	msg := sprintf("host device %s is not allowed", [device.PathOnHost])
}
