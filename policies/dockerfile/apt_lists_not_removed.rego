# METADATA
# title: apt package lists left in the image
# description: >-
#   A RUN in the shipped image runs apt-get but does not delete /var/lib/apt/lists in the same
#   step, so tens of megabytes of package indexes stay in a layer (a later RUN cannot remove
#   them from it). `apt-get clean` does not delete the lists; `apt-get dist-clean` (apt 2.7.8 and
#   later: Debian 13, Ubuntu 24.04) does. Builder stages are not checked: their layers do not
#   ship. A RUN that mounts a build cache on /var/lib/apt is not flagged.
# custom:
#   id: CPD050
#   severity: warn
#   remediation: >-
#     End the same RUN with `&& rm -rf /var/lib/apt/lists/*` (or `apt-get dist-clean` on apt
#     2.7.8 and later), or mount the lists as a build
#     cache: `RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update &&
#     ...`.
#   compliance:
#     cis-docker: ["4.3"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3009"]
#     trivy: []
#     kics: ["df746b39-6564-4fed-bf85-e9c44382303c"]
#     checkov: []
package container_policy.rules.dockerfile.apt_lists_not_removed

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some index in apt_runs
	ins := input.instructions[index]
	lib.in_final_image(ins)
	lines := [c.line | some c in lib.instruction_commands(index); apt_programs[c.program]; list_subcommands[lib.subcommand(c)]]
	count(lines) > 0
	not lib.run_removes(ins.index, "/var/lib/apt/lists")
	not lib.cache_mount(ins.index, "/var/lib/apt")
	not dist_cleaned(index)
	finding := {"msg": "apt-get runs here but /var/lib/apt/lists is not removed in the same RUN", "startLine": min(lines), "endLine": min(lines)}
}

# The RUNs that run apt-get or apt at all, from the index of commands: most RUNs run neither, and
# walking each RUN's commands for them cost more than the rest of the rule.
apt_runs contains cmd.ins if {
	some cmd in lib.commands_of(apt_programs)
}

# `apt-get dist-clean` empties /var/lib/apt/lists as well as the package cache.
dist_cleaned(index) if {
	some c in lib.instruction_commands(index)
	apt_programs[c.program]
	lib.subcommand(c) == "dist-clean"
}

# Named once: a set literal in the comprehension above would be built for every command.
apt_programs := {"apt-get", "apt"}

list_subcommands := {"update", "install"}
