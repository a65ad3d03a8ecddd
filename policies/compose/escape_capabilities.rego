# METADATA
# title: Service adds a capability that reaches the host
# description: >-
#   `cap_add` grants `ALL`, or a capability known to lead out of the container: `SYS_ADMIN`
#   (mounts, and the cgroup `release_agent` escape), `SYS_MODULE` (loads kernel modules),
#   `SYS_RAWIO` (raw device and memory I/O), `SYS_PTRACE` (traces and injects into processes it
#   can see), `DAC_READ_SEARCH` (opens host files by handle, the "shocker" escape). CPC003 warns
#   about every added capability; these deny.
# custom:
#   id: CPC039
#   severity: deny
#   remediation: >-
#     Remove these capabilities from `cap_add`. If the service needs what one of them allows, give
#     it that narrowly (a device in `devices`, a volume instead of a mount) or run it outside the
#     container platform.
#   compliance:
#     cis-docker: ["5.4"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.escape_capabilities

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some c in svc.cap_add
	reaching[c.name]
	finding := {
		"msg": sprintf("Service \"%s\" adds capability %s, which reaches past the container", [name, c.name]),
		"path": c.path,
	}
}

reaching := {"ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_RAWIO", "SYS_PTRACE", "DAC_READ_SEARCH"}
