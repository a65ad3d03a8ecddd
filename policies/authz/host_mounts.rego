# METADATA
# title: Host path mount blocked or outside the allow-list
# description: >-
#   A bind mount exposes a host path the policy blocks (the host root, /etc, /proc, the Docker
#   socket, ...) or, when an allow-list is set, a host path outside it. Binds and bind Mounts are
#   both checked.
# custom:
#   id: CPA003
#   severity: deny
#   remediation: >-
#     Mount a named volume instead, or only a directory on the allow-list
#     (`host_mounts.allowed_paths`); never the paths in `host_mounts.blocked_paths`.
#   compliance:
#     cis-docker: ["5.6", "5.32"]
#     nist-800-190: ["4.5.5"]
#     owasp-docker: ["D05"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.host_mounts

import data.docker.authz.lib

category := "host-mounts"

severity := "critical"

deny contains msg if {
	lib.is_create
	some mount in input.BindMounts
	some blocked in lib.setting("host_mounts.blocked_paths")
	lib.under(mount.Source, blocked)
	msg := sprintf("bind mount of host path %s is blocked (%s)", [mount.Source, blocked])
}

deny contains msg if {
	lib.is_create
	allowed := lib.setting("host_mounts.allowed_paths")
	count(allowed) > 0
	some mount in input.BindMounts
	not allowed_path(mount.Source, allowed)
	msg := sprintf("bind mount of host path %s is not on the allow-list", [mount.Source])
}

allowed_path(path, allowed) if {
	some prefix in allowed
	lib.under(path, prefix)
}
