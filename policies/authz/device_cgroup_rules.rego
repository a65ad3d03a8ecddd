# METADATA
# title: Every host device of a kind allowed
# description: >-
#   The request's `DeviceCgroupRules` let the container read or write every device of a type
#   (`a`, or any major number: `a *:* rwm`, `b *:* rw`, `c *:* rwm`). With the `MKNOD` capability the
#   daemon grants by default, the container can create the device nodes of the host's disks and
#   memory and use them, though `Devices` names none of them.
# custom:
#   id: CPA019
#   severity: deny
#   remediation: >-
#     Pass the devices the container needs in `Devices`, or a rule for their own major and minor
#     numbers (`c 189:* rwm` for USB devices).
#   compliance:
#     cis-docker: ["5.18"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.device_cgroup_rules

import data.docker.authz.lib

category := "devices"

severity := "high"

deny contains msg if {
	lib.is_create
	some rule in object.get(lib.host_config, "DeviceCgroupRules", [])
	parts := split(trim_space(rule), " ")
	all_of_a_kind(parts)
	grants_access(parts)
	msg := sprintf("device cgroup rule \"%s\" allows every %s of the host", [rule, kinds[parts[0]]])
}

kinds := {"a": "device", "b": "block device", "c": "character device"}

# `a` alone (the kernel reads it as `a *:* rwm`), or a type with every major number.
all_of_a_kind(["a"])

all_of_a_kind(parts) if {
	kinds[parts[0]]
	startswith(parts[1], "*:")
}

# Read or write (`m`, making nodes, gives neither on its own); no permissions at all means all three.
grants_access(parts) if count(parts) < 3

grants_access(parts) if {
	some permission in ["r", "w"]
	contains(parts[2], permission)
}
