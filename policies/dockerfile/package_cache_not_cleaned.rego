# METADATA
# title: yum, dnf, zypper or microdnf cache left in the image
# description: >-
#   A RUN in the shipped image installs with yum, dnf, microdnf, tdnf or zypper but does not
#   clean the package manager's cache in the same step, so downloaded metadata and packages stay
#   in a layer. Builder stages are not checked; a RUN that mounts a build cache on /var/cache is
#   not flagged.
# custom:
#   id: CPD051
#   severity: warn
#   remediation: >-
#     Finish the same RUN with the manager's clean command: `&& yum clean all`, `&& dnf clean
#     all`, `&& microdnf clean all`, `&& zypper clean --all` (or `rm -rf /var/cache/yum
#     /var/cache/dnf`).
#   compliance:
#     cis-docker: ["4.3"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: ["AVD-DS-0015", "AVD-DS-0019", "AVD-DS-0020"]
#     kics: ["00481784-25aa-4a55-8633-3136dfcf4f37", "295acb63-9246-4b21-b441-7c1f1fb62dc0", "38300d1a-feb2-4a48-936a-d1ef1cd24313"]
#     checkov: []
package container_policy.rules.dockerfile.package_cache_not_cleaned

import data.container_policy.lib.dockerfile as lib

programs := {"yum", "dnf", "microdnf", "tdnf", "zypper"}

findings contains finding if {
	some cmd in lib.commands_of(programs)
	lib.final_image_command(cmd)
	lib.subcommand_args(cmd, programs, install_subcommands)
	not cleaned_runs[cmd.ins]
	not lib.cache_mount(cmd.ins, "/var/cache")
	finding := lib.at_command(cmd, concat("", [cmd.program, " install without `", cmd.program, " clean` in the same RUN leaves its cache in the image"]))
}

install_subcommands := {"install", "in", "groupinstall", "localinstall"}

# The RUNs that install and clean up, each RUN asked once: asked per install, going through the RUN's
# commands took time in the square of them.
cleaned_runs contains ins if {
	some ins in {cmd.ins |
		some cmd in lib.commands_of(programs)
		lib.subcommand_args(cmd, programs, install_subcommands)
	}
	cleaned(ins)
}

cleaned(ins) if {
	some c in lib.instruction_commands(ins)
	lib.subcommand_args(c, programs, {"clean"})
}

cleaned(ins) if lib.run_removes(ins, "/var/cache/")
