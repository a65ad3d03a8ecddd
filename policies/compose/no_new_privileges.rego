# METADATA
# title: Service can gain new privileges
# description: >-
#   A service does not set `security_opt: [no-new-privileges:true]`, or a later entry turns it
#   off again (the daemon applies the entries in order, and override files append theirs), so a
#   setuid binary in the container can raise the privileges of its process.
# custom:
#   id: CPC020
#   severity: deny
#   remediation: >-
#     Add `no-new-privileges:true` to `security_opt`.
#   compliance:
#     cis-docker: ["5.26"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["27fcc7d6-c49b-46e0-98f1-6c082a6a2750"]
#     checkov: []
package container_policy.rules.compose.no_new_privileges

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	count(lib.security_opts(svc, "no-new-privileges")) == 0
	finding := {
		"msg": lib.service_message(name, "does not set no-new-privileges"),
		"path": array.concat(svc.path, ["security_opt"]),
	}
}

# The daemon reads security_opt in order and each no-new-privileges entry replaces the last
# (moby's parseSecurityOpt), and compose appends the entries of override files: the last one decides.
findings contains finding if {
	some name, svc in lib.normalised
	opts := lib.security_opts(svc, "no-new-privileges")
	count(opts) > 0
	last := opts[count(opts) - 1]
	not lower(last.value) in true_values
	finding := {
		"msg": lib.service_message(name, concat("", ["turns no-new-privileges off: its last entry for it is \"", last.value, "\", and the last one decides"])),
		"path": last.path,
	}
}

# What strconv.ParseBool reads as true (the daemon's parser), and "" for the bare `no-new-privileges`.
true_values := {"", "1", "t", "true"}
