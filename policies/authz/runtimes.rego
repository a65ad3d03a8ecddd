# METADATA
# title: Container runtime not allowed
# description: >-
#   The request asks for an OCI runtime outside the allowed list.
# custom:
#   id: CPA014
#   severity: deny
#   remediation: >-
#     Remove `runtime:` or use one listed in `runtimes.allowed`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.runtimes

import data.docker.authz.lib

category := "runtime"

severity := "medium"

deny contains msg if {
	lib.is_create
	runtime := object.get(lib.host_config, "Runtime", "")
	not runtime in lib.setting("runtimes.allowed")
	msg := sprintf("runtime %s is not allowed", [runtime])
}
