# METADATA
# title: System paths unmasked
# description: >-
#   The request removes the masks and read-only mounts the daemon puts over `/proc` and `/sys`
#   (`systempaths=unconfined`), exposing kernel memory and controls such as `/proc/kcore` and
#   `/proc/sysrq-trigger` to the container.
# custom:
#   id: CPA018
#   severity: deny
#   remediation: >-
#     Remove `systempaths=unconfined` from `security_opt`.
#   compliance:
#     cis-docker: ["5.5"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.system_paths

import data.docker.authz.lib

category := "system_paths"

severity := "high"

deny contains msg if {
	lib.is_create
	some value in lib.security_opt_values("systempaths")
	lower(value) == "unconfined"
	msg := "system paths are unmasked (systempaths=unconfined)"
}
