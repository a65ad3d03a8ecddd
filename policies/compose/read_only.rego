# METADATA
# title: Root filesystem is writable
# description: >-
#   A service does not set `read_only: true`: an attacker who gets code execution can change the
#   application and drop tools in the container.
# custom:
#   id: CPC019
#   severity: warn
#   remediation: >-
#     Set `read_only: true` and give the paths the service writes a `tmpfs` or a volume.
#   compliance:
#     cis-docker: ["5.13"]
#     nist-800-190: ["4.4.4"]
#     owasp-docker: ["D09"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.read_only

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.read_only != true
	finding := {
		"msg": lib.service_message(name, concat("", ["has a writable root filesystem (read_only: ", shown(svc.read_only), ")"])),
		"path": array.concat(svc.path, ["read_only"]),
	}
}

# The Wasm sprintf cannot print null.
shown(null) := "not set"

shown(value) := sprintf("%v", [value]) if value != null
