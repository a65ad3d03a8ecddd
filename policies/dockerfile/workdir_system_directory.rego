# METADATA
# title: WORKDIR is a system directory
# description: >-
#   WORKDIR points at a system directory (by default /proc, /sys, /dev, /boot, /bin, /sbin,
#   /lib, /usr/bin, ... ; the list is the setting `dockerfile.system_directories`). Files the
#   build or the application writes there mix with the operating system's, or land in
#   pseudo-filesystems.
# custom:
#   id: CPD060
#   severity: warn
#   remediation: >-
#     Use a directory of the application's own: `WORKDIR /app` (or `/srv/<name>`,
#     `/opt/<name>`).
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: ["AVD-DS-0030"]
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.workdir_system_directory

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.settings

findings contains finding if {
	some ins in lib.instructions_of(["WORKDIR"])
	path := trim_right(trim(ins.args[0], `"'`), "/")
	some dir in settings.value("dockerfile.system_directories")
	path == trim_right(dir, "/")
	finding := lib.at_instruction(ins, sprintf("WORKDIR %s is a system directory", [ins.args[0]]))
}
