# METADATA
# title: apt-get install without version pins
# description: >-
#   apt-get install without version pins: the build installs whatever version is current that
#   day, so two builds of one commit differ and a broken or malicious release lands unreviewed.
#   Packages named in the setting `dockerfile.unpinned_packages_exempt`, local files and URLs
#   are not flagged.
# custom:
#   id: CPD010
#   severity: warn
#   remediation: >-
#     Pin each package: `apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6`, or
#     list the package in `dockerfile.unpinned_packages_exempt`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3008"]
#     trivy: []
#     kics: ["965a08d7-ef86-4f14-8792-4a3b2098937e"]
#     checkov: []
package container_policy.rules.dockerfile.apt_pin

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_packages as packages

findings contains finding if {
	some [cmd, pkgs] in packages.unpinned("apt")
	finding := lib.at_command(cmd, packages.message(cmd, pkgs, "write `name=version`"))
}
