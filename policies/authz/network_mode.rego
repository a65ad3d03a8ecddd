# METADATA
# title: Blocked network mode
# description: >-
#   The container uses a network mode the policy blocks, by default the host's network stack.
# custom:
#   id: CPA009
#   severity: deny
#   remediation: >-
#     Use a project network (remove `network_mode: host`) and publish only the ports needed.
#   compliance:
#     cis-docker: ["5.10"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["2.2.6", "7.2.1"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.network_mode

import data.docker.authz.lib

category := "network"

severity := "high"

deny contains msg if {
	lib.is_create
	mode := object.get(lib.host_config, "NetworkMode", "")
	mode in lib.setting("network_mode.blocked")
	msg := sprintf("network mode %s is not allowed", [mode])
}
