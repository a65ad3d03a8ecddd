# METADATA
# title: Capabilities not restricted
# description: >-
#   The container adds a capability outside the allowed list (or ALL), or does not drop a capability
#   every container must drop.
# custom:
#   id: CPA006
#   severity: deny
#   remediation: >-
#     Drop what `capabilities.required_drops` lists (`cap_drop: [ALL]` covers all) and add only
#     capabilities in `capabilities.allowed_adds`.
#   compliance:
#     cis-docker: ["5.4"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.4", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.capabilities

import data.docker.authz.lib

category := "capabilities"

severity := "high"

deny contains msg if {
	lib.is_create
	some cap in object.get(lib.host_config, "CapAdd", [])
	allowed := {lib.cap_name(c) | some c in lib.setting("capabilities.allowed_adds")}
	not lib.cap_name(cap) in allowed
	msg := sprintf("capability %s may not be added", [cap])
}

deny contains msg if {
	lib.is_create
	dropped := {lib.cap_name(c) | some c in object.get(lib.host_config, "CapDrop", [])}
	not "ALL" in dropped
	some required in lib.setting("capabilities.required_drops")
	not lib.cap_name(required) in dropped
	msg := sprintf("capability %s must be dropped", [lib.cap_name(required)])
}
