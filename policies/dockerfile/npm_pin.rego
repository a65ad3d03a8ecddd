# METADATA
# title: npm install of a package without a version
# description: >-
#   npm install of a package without a version: the build installs whatever version is current
#   that day, so two builds of one commit differ and a broken or malicious release lands
#   unreviewed. Packages named in the setting `dockerfile.unpinned_packages_exempt`, local files
#   and URLs are not flagged.
# custom:
#   id: CPD013
#   severity: warn
#   remediation: >-
#     Pin the version (`npm install -g typescript@5.4.5`), or install from package.json and its
#     lock file with `npm ci`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3016"]
#     trivy: []
#     kics: ["e36d8880-3f78-4546-b9a1-12f0745ca0d5"]
#     checkov: []
package container_policy.rules.dockerfile.npm_pin

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_packages as packages

findings contains finding if {
	some [cmd, pkgs] in packages.unpinned("npm")
	finding := lib.at_command(cmd, packages.message(cmd, pkgs, "write `name@version`"))
}
