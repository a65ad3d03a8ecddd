# METADATA
# title: Seccomp is disabled
# description: >-
#   A service sets `seccomp:unconfined`, removing the default seccomp profile that blocks
#   dangerous system calls (mount, kexec, bpf, ...).
# custom:
#   id: CPC021
#   severity: deny
#   remediation: >-
#     Remove `seccomp:unconfined`; if a call is missing from the default profile, write a custom
#     profile that allows only it.
#   compliance:
#     cis-docker: ["5.22"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["404fde2c-bc4b-4371-9747-7054132ac953"]
#     checkov: []
package container_policy.rules.compose.seccomp_unconfined

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some o in lib.security_opts(svc, "seccomp")
	lower(o.value) == "unconfined"
	finding := {
		"msg": sprintf("Service \"%s\" disables seccomp (seccomp:%s)", [name, o.value]),
		"path": o.path,
	}
}

# `label:seccomp:unconfined` is not a valid SELinux label option (the daemon refuses it where SELinux
# is on and ignores it elsewhere), but it says the author wants seccomp off: judged by its intent, so
# the run does not pass a file whose reader believes seccomp is disabled.
findings contains finding if {
	some name, svc in lib.normalised
	some o in lib.security_opts(svc, "label")
	regex.match(`(?i)^seccomp\s*[:=]\s*unconfined$`, o.value)
	finding := {
		"msg": sprintf("Service \"%s\" asks for seccomp to be disabled (label:%s); this is not a valid label option either", [name, o.value]),
		"path": o.path,
	}
}
