# METADATA
# title: pip install without version pins
# description: >-
#   pip install without version pins: the build installs whatever version is current that day,
#   so two builds of one commit differ and a broken or malicious release lands unreviewed.
#   Packages named in the setting `dockerfile.unpinned_packages_exempt`, local files and URLs
#   are not flagged.
# custom:
#   id: CPD012
#   severity: warn
#   remediation: >-
#     Pin each package (`pip install flask==3.0.3`), or install from a requirements file with
#     pinned versions (`pip install -r requirements.txt`), ideally with `--require-hashes`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3013"]
#     trivy: []
#     kics: ["02d9c71f-3ee8-4986-9c27-1a20d0d19bfc"]
#     checkov: []
package container_policy.rules.dockerfile.pip_pin

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_packages as packages

findings contains finding if {
	some [cmd, pkgs] in packages.unpinned("pip")
	finding := lib.at_command(cmd, packages.message(cmd, pkgs, "write `name==version`"))
}
