# METADATA
# title: USER given by name, not numeric UID
# description: >-
#   The USER in effect in the shipped image is a name. A runtime enforcing non-root (Kubernetes
#   `runAsNonRoot`, admission policies) cannot tell from a name that the user is not root and
#   refuses or cannot verify the container; the name also depends on /etc/passwd in the image.
#   Windows images, whose users are names (ContainerUser), are not checked.
# custom:
#   id: CPD059
#   severity: warn
#   remediation: >-
#     Use the numeric UID (and GID) of the user you created: `USER 10001:10001`.
#   compliance:
#     cis-docker: ["4.1"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D01"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3066"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.non_numeric_user

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	user := lib.user_of(lib.final_user)
	not lib.is_root_user(user)
	not contains(user, "$")
	not numeric(user)
	not lib.windows_stage(lib.final_stage)

	# concat rather than sprintf, a call out of the Wasm module (see lib.stage_name).
	finding := lib.at_instruction(lib.final_user, concat("", ["USER ", user, " is a name; the runtime cannot verify it is not root"]))
}

# `uid` or `uid:gid` in digits, as `^[0-9]+(:[0-9]+)?$` would match, without a pattern to compile
# for every document.
numeric(user) if {
	ids := split(user, ":")
	count(ids) <= 2
	every id in ids {
		lib.digits_only(id)
	}
}
