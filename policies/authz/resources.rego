# METADATA
# title: Memory or CPU not bounded
# description: >-
#   The container has no memory limit (or one above the maximum), or no CPU limit when one is
#   required (or one above the maximum).
# custom:
#   id: CPA010
#   severity: deny
#   remediation: >-
#     Set `mem_limit` (or `deploy.resources.limits.memory`) and `cpus` within the bounds in
#     `resources.*`.
#   compliance:
#     cis-docker: ["5.11", "5.12"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D07"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.resources

import data.docker.authz.lib

category := "resources"

severity := "medium"

deny contains "containers must have a memory limit" if {
	lib.is_create
	lib.setting("resources.require_memory_limit")
	object.get(lib.host_config, "Memory", 0) == 0
}

deny contains msg if {
	lib.is_create
	max := lib.setting("resources.max_memory_bytes")
	max > 0
	lib.host_config.Memory > max
	msg := sprintf("memory limit %d exceeds the maximum of %d bytes", [lib.host_config.Memory, max])
}

deny contains "containers must have a CPU limit" if {
	lib.is_create
	lib.setting("resources.require_cpu_limit")
	object.get(lib.host_config, "NanoCpus", 0) == 0
	object.get(lib.host_config, "CpuQuota", 0) == 0
}

deny contains msg if {
	lib.is_create
	max := lib.setting("resources.max_nano_cpus")
	max > 0
	lib.host_config.NanoCpus > max
	msg := sprintf("CPU limit %d exceeds the maximum of %d NanoCpus", [lib.host_config.NanoCpus, max])
}
