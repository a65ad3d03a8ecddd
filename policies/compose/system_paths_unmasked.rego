# METADATA
# title: Service unmasks the kernel's system paths
# description: >-
#   `security_opt: [systempaths=unconfined]` removes the masks and read-only mounts Docker puts
#   over `/proc` and `/sys` (`/proc/kcore`, `/proc/sysrq-trigger`, `/sys/firmware`, ...): kernel
#   memory and controls the container should never reach. It is one of the protections
#   `privileged` removes, asked for on its own.
# custom:
#   id: CPC038
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
package container_policy.rules.compose.system_paths_unmasked

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some o in lib.security_opts(svc, "systempaths")
	lower(o.value) == "unconfined"
	finding := {
		"msg": sprintf("Service \"%s\" unmasks /proc and /sys paths (systempaths=%s)", [name, o.value]),
		"path": o.path,
	}
}
