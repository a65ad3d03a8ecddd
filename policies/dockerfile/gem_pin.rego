# METADATA
# title: gem install without a version
# description: >-
#   gem install without a version: the build installs whatever version is current that day, so
#   two builds of one commit differ and a broken or malicious release lands unreviewed. Packages
#   named in the setting `dockerfile.unpinned_packages_exempt`, local files and URLs are not
#   flagged.
# custom:
#   id: CPD014
#   severity: warn
#   remediation: >-
#     Pin the version: `gem install bundler:2.5.10` or `gem install bundler -v 2.5.10`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3028"]
#     trivy: []
#     kics: ["22cd11f7-9c6c-4f6e-84c0-02058120b341"]
#     checkov: []
package container_policy.rules.dockerfile.gem_pin

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_packages as packages

findings contains finding if {
	some [cmd, pkgs] in packages.unpinned("gem")
	finding := lib.at_command(cmd, packages.message(cmd, pkgs, "write `name:version` or `-v version`"))
}
