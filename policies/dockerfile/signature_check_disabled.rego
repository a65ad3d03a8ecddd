# METADATA
# title: Package signature checks are turned off
# description: >-
#   Installing with signature checks off (`apk --allow-untrusted`, `apt-get
#   --allow-unauthenticated` or `--force-yes`, `rpm --nosignature`, `--nogpgcheck`) accepts
#   packages nobody signed, so a tampered mirror goes unnoticed.
# custom:
#   id: CPD028
#   severity: deny
#   remediation: >-
#     Remove the option and import the repository signing key instead (`apk add
#     --allowed-keys`-style key files, `signed-by=` for apt sources, `rpm --import` for rpm).
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.signature_check_disabled

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands
	some w in cmd.words
	startswith(w, "--") # a prefix test costs less than hashing every word for a set lookup
	unverified_install_flags[w]
	finding := lib.at_command(cmd, sprintf("%s runs with %s, so unsigned packages are accepted", [cmd.program, w]))
}

# Named once rather than written in the loop, where the set would be built again for every word.
unverified_install_flags := {"--allow-untrusted", "--allow-unauthenticated", "--force-yes", "--nosignature", "--nogpgcheck", "--nodigest", "--no-gpg-checks", "--allow-insecure-repositories"}
