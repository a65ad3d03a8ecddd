# METADATA
# title: Service runs as root, or does not say which user
# description: >-
#   A service sets `user:` to root (`root`, `0`, `0:0`), or does not set it or sets it blank, so
#   it runs as the image's user, which is root for most images.
# custom:
#   id: CPC027
#   severity: warn
#   remediation: >-
#     Set `user:` to a non-root user, e.g. `user: "10001:10001"`, or make sure the image sets a
#     non-root USER and say so in `user:`.
#   compliance:
#     cis-docker: ["4.1"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D01"]
#     pci-dss: ["7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.root_user

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	svc.user == null
	finding := {
		"msg": lib.service_message(name, "does not set user:, so it runs as the image's user (root for most images)"),
		"path": svc.path,
	}
}

# A blank user (`user: ${UID}` with UID unset, which compose runs as blank) is no user: the image's
# own applies, as when the key is left out.
findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.user)
	trim_space(svc.user) == ""
	finding := {
		"msg": lib.service_message(name, "sets user: to blank, so it runs as the image's user (root for most images)"),
		"path": array.concat(svc.path, ["user"]),
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	is_string(svc.user)
	root(trim_space(svc.user))
	finding := {
		"msg": sprintf("Service \"%s\" runs as root (user: \"%s\")", [name, svc.user]),
		"path": array.concat(svc.path, ["user"]),
	}
}

# What `^(root|0)(:.*)?$` matches, with string functions: a pattern is compiled anew for every
# document in the Wasm runtime. A group may follow, on the same line (`.` does not match a newline).
root(user) if root_users[user]

root(user) if {
	some prefix in root_user_prefixes
	startswith(user, prefix)
	not contains(user, "\n")
}

root_users := {"root", "0"}

root_user_prefixes := {"root:", "0:"}
