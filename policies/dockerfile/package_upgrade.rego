# METADATA
# title: Whole-system upgrade in the build
# description: >-
#   A RUN upgrades every installed package (`apt-get upgrade`/`dist-upgrade`, `apk upgrade`,
#   `yum update`, `dnf upgrade`, `zypper dup`, `pacman -Syu`) — an upgrade naming packages is
#   not flagged. The result depends on the day of the build, can break the base image's own
#   packages, and hides that the base image itself is out of date.
# custom:
#   id: CPD067
#   severity: warn
#   remediation: >-
#     Use a current base image (rebuild on its updates) and install or pin only the packages
#     you need; if a security fix is urgent, upgrade that package by name with a pinned
#     version.
#   compliance:
#     cis-docker: ["4.4"]
#     nist-800-190: ["4.1.1"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3005"]
#     trivy: ["AVD-DS-0024"]
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.package_upgrade

import data.container_policy.lib.dockerfile as lib

upgrades := {
	"apt-get": {"upgrade", "dist-upgrade", "full-upgrade"},
	"apt": {"upgrade", "dist-upgrade", "full-upgrade"},
	"apk": {"upgrade"},
	"yum": {"update", "upgrade", "distro-sync"},
	"dnf": {"update", "upgrade", "distro-sync"},
	"microdnf": {"update", "upgrade"},
	"tdnf": {"update", "upgrade"},
	"zypper": {"up", "update", "dup", "dist-upgrade"},
}

findings contains finding if {
	some program, subs in upgrades
	some cmd in lib.commands_of([program])
	sub := lib.subcommand(cmd)
	subs[sub]
	not names_packages(cmd, sub)
	finding := lib.at_command(cmd, sprintf("%s %s upgrades the whole system", [cmd.program, sub]))
}

# `apt-get upgrade openssl`, `yum update openssl`: upgrades the named packages only.
names_packages(cmd, sub) if {
	some i, w in cmd.words
	w == sub
	some later in array.slice(cmd.words, i + 1, count(cmd.words))
	not startswith(later, "-")
}

findings contains finding if {
	some cmd in lib.commands_of(["pacman"])
	regex.match(`^-S[a-z]*u`, cmd.words[1])
	finding := lib.at_command(cmd, sprintf("pacman %s upgrades the whole system", [cmd.words[1]]))
}
