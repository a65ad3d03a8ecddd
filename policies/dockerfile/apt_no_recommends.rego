# METADATA
# title: apt-get install without --no-install-recommends
# description: >-
#   apt-get installs recommended packages by default, adding software (and vulnerabilities) the
#   image never uses. Builder stages are not checked: what they install does not ship.
# custom:
#   id: CPD017
#   severity: warn
#   remediation: >-
#     Add `--no-install-recommends`: `apt-get install -y --no-install-recommends curl`.
#   compliance:
#     cis-docker: ["4.3"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.4"]
#     soc2: []
#   aliases:
#     hadolint: ["DL3015"]
#     trivy: []
#     kics: ["7384dfb2-fcd1-4fbf-91cd-6c44c318c33c"]
#     checkov: []
package container_policy.rules.dockerfile.apt_no_recommends

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["apt-get", "apt"])
	lib.final_image_command(cmd)
	args := lib.subcommand_args(cmd, {"apt-get", "apt"}, {"install"})
	not lib.has_flag(args, {"--no-install-recommends"})
	not recommends_off(cmd.words)
	finding := lib.at_command(cmd, "apt-get install without --no-install-recommends installs recommended packages too")
}

# `--no-install-recommends` anywhere, or the option set with `-o` (apt option names ignore case).
recommends_off(words) if "--no-install-recommends" in words

recommends_off(words) if {
	some w in words
	contains(w, "::") # before the pattern, which the Wasm runtime compiles anew for every document
	regex.match(`(?i)^(-o)?apt::install-recommends=(false|0|no)$`, w)
}
