# METADATA
# title: Service changes host kernel parameters
# description: >-
#   A service sets `sysctls` outside the namespaced ones Docker isolates per container (net.*,
#   kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*), or sets one that weakens the network
#   stack (IP forwarding, source routing).
# custom:
#   id: CPC032
#   severity: warn
#   remediation: >-
#     Remove the sysctl, or set it on the host where it is reviewed.
#   compliance:
#     cis-docker: ["5.4"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.sysctls

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some key, entry in svc.sysctls
	risky(key)
	finding := {
		"msg": sprintf("Service \"%s\" sets sysctl %s", [name, key]),
		"path": entry.path,
	}
}

# Not namespaced: the daemon refuses most, and those it lets through change the host.
risky(key) if not namespaced(key)

risky(key) if regex.match(`^net\.ipv[46]\.(ip_forward|conf\.[^.]+\.(forwarding|accept_source_route|accept_redirects))$`, key)

namespaced(key) if regex.match(`^(net\.|kernel\.(shm|msg|sem$)|fs\.mqueue\.)`, key)
