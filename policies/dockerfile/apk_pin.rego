# METADATA
# title: apk add without version pins
# description: >-
#   apk add without version pins: the build installs whatever version is current that day, so
#   two builds of one commit differ and a broken or malicious release lands unreviewed. Packages
#   named in the setting `dockerfile.unpinned_packages_exempt`, local files and URLs are not
#   flagged.
# custom:
#   id: CPD011
#   severity: warn
#   remediation: >-
#     Pin each package: `apk add --no-cache curl=8.9.1-r0`, or list the package in
#     `dockerfile.unpinned_packages_exempt`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3018"]
#     trivy: []
#     kics: ["d3499f6d-1651-41bb-a9a7-de925fea487b"]
#     checkov: []
package container_policy.rules.dockerfile.apk_pin

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_packages as packages

findings contains finding if {
	some [cmd, pkgs] in packages.unpinned("apk")
	finding := lib.at_command(cmd, packages.message(cmd, pkgs, "write `name=version`"))
}
