# METADATA
# title: Host namespace shared
# description: >-
#   The container shares the host's PID, IPC, user, UTS or cgroup namespace, which lets it see or affect
#   host processes and resources.
# custom:
#   id: CPA017
#   severity: deny
#   remediation: >-
#     Remove `pid: host`, `ipc: host`, `userns_mode: host` and `uts: host`, or list the namespace in
#     `namespaces.allowed_host`.
#   compliance:
#     cis-docker: ["5.16", "5.17", "5.21", "5.31"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["1.4.5", "2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.namespaces

import data.docker.authz.lib

category := "namespaces"

severity := "high"

modes := {"pid": "PidMode", "ipc": "IpcMode", "userns": "UsernsMode", "uts": "UTSMode", "cgroup": "CgroupnsMode"}

deny contains msg if {
	lib.is_create
	some namespace, field in modes
	object.get(lib.host_config, field, "") == "host"
	not namespace in lib.setting("namespaces.allowed_host")
	msg := sprintf("the host %s namespace is shared", [namespace])
}
