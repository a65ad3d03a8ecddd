# METADATA
# title: go install without a version
# description: >-
#   go install without a version: the build installs whatever version is current that day, so
#   two builds of one commit differ and a broken or malicious release lands unreviewed. Packages
#   named in the setting `dockerfile.unpinned_packages_exempt`, local files and URLs are not
#   flagged.
# custom:
#   id: CPD016
#   severity: warn
#   remediation: >-
#     Name a version: `go install golang.org/x/tools/gopls@v0.15.3` (not `@latest`).
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3062"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.go_install_pin

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_packages as packages

findings contains finding if {
	some [cmd, pkgs] in packages.unpinned("go")
	finding := lib.at_command(cmd, packages.message(cmd, pkgs, "write `module@version`"))
}
