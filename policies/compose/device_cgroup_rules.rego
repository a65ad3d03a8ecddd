# METADATA
# title: Service may use every host device of a kind
# description: >-
#   A `device_cgroup_rules` entry lets the container read or write every device of a type (`a`, or
#   any major number: `a *:* rwm`, `b *:* rw`, `c *:* rwm`). With the `MKNOD` capability Docker
#   grants by default, the container can then create the device nodes of the host's disks
#   (`/dev/sda`) or memory (`/dev/mem`) and use them, without any `devices` entry showing it.
# custom:
#   id: CPC042
#   severity: deny
#   remediation: >-
#     Name the devices the service needs in `devices`, or write a rule for their own major and minor
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
package container_policy.rules.compose.device_cgroup_rules

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some r in svc.device_cgroup_rules
	parts := split(trim_space(r.rule), " ")
	every_device_of_a_kind(parts)
	reads_or_writes(parts)
	finding := {
		"msg": lib.service_message(name, concat("", ["may use every ", kinds[parts[0]], " of the host (device_cgroup_rules: \"", r.rule, "\")"])),
		"path": r.path,
	}
}

kinds := {"a": "device", "b": "block device", "c": "character device"}

# `a` alone, or any type with a major number of `*`.
every_device_of_a_kind(parts) if {
	parts[0] == "a"
	count(parts) == 1
}

every_device_of_a_kind(parts) if {
	kinds[parts[0]]
	startswith(parts[1], "*:")
}

# Read or write access (`m`, creating nodes, alone gives neither); a rule without permissions gives all.
reads_or_writes(parts) if count(parts) < 3

reads_or_writes(parts) if contains(parts[2], "r")

reads_or_writes(parts) if contains(parts[2], "w")
