# METADATA
# title: yum, dnf, microdnf or zypper install without version pins
# description: >-
#   yum, dnf, microdnf or zypper install without version pins: the build installs whatever
#   version is current that day, so two builds of one commit differ and a broken or malicious
#   release lands unreviewed. Packages named in the setting
#   `dockerfile.unpinned_packages_exempt`, local files and URLs are not flagged.
# custom:
#   id: CPD015
#   severity: warn
#   remediation: >-
#     Pin each package: `dnf install -y httpd-2.4.57`, `zypper install -y curl=8.0.1`, or list
#     the package in `dockerfile.unpinned_packages_exempt`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3033", "DL3037", "DL3041"]
#     trivy: []
#     kics: ["6452c424-1d92-4deb-bb18-a03e95d579c4", "93d88cf7-f078-46a8-8ddc-178e03aeacf1", "562952e4-0348-4dea-9826-44f3a2c6117b"]
#     checkov: []
package container_policy.rules.dockerfile.rpm_pin

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_packages as packages

findings contains finding if {
	some [cmd, pkgs] in packages.unpinned("rpm")
	finding := lib.at_command(cmd, packages.message(cmd, pkgs, "write `name-version`"))
}
