# METADATA
# title: apt used instead of apt-get
# description: >-
#   `apt` is meant for people at a terminal; its output and behaviour are not stable for
#   scripts.
# custom:
#   id: CPD021
#   severity: warn
#   remediation: >-
#     Use `apt-get` (and `apt-cache`) in Dockerfiles.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3027"]
#     trivy: []
#     kics: ["b84a0b47-2e99-4c9f-8933-98bcabe2b94d"]
#     checkov: []
package container_policy.rules.dockerfile.apt_get_not_apt

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["apt"])
	count(cmd.words) > 1
	finding := lib.at_command(cmd, sprintf("apt %s: apt has no stable command-line interface for scripts", [cmd.words[1]]))
}
