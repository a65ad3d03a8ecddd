# METADATA
# title: Package index updated in a separate RUN
# description: >-
#   A RUN installs packages relying on an index refreshed by an earlier RUN (`RUN apt-get
#   update` on its own). The layer cache keeps that earlier step, so later builds install from a
#   stale index: old, unpatched versions or missing packages. The finding is on the install that
#   depends on it.
# custom:
#   id: CPD052
#   severity: warn
#   remediation: >-
#     Refresh and install in one RUN: `RUN apt-get update && apt-get install -y ...` (likewise
#     `apk add --no-cache`, `yum install`, `zypper refresh && zypper install`).
#   compliance:
#     cis-docker: ["4.7"]
#     nist-800-190: ["4.1.1"]
#     owasp-docker: []
#     pci-dss: ["6.3.3"]
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: ["AVD-DS-0017"]
#     kics: ["9bae49be-0aa3-4de5-bab2-4c3a069e40cd"]
#     checkov: []
package container_policy.rules.dockerfile.update_alone

import data.container_policy.lib.dockerfile as lib

# Per package-manager family: the programs, the commands that refresh the index, those that install.
families := {
	"apt": {"programs": {"apt-get", "apt"}, "refresh": {"update"}, "install": {"install"}},
	"apk": {"programs": {"apk"}, "refresh": {"update"}, "install": {"add"}},
	"rpm": {"programs": {"yum", "dnf", "tdnf"}, "refresh": {"update", "makecache", "check-update"}, "install": {"install"}},
	"zypper": {"programs": {"zypper"}, "refresh": {"refresh", "ref"}, "install": {"install", "in"}},
	"pacman": {"programs": {"pacman"}, "refresh": set(), "install": set()},
}

findings contains finding if {
	some name, fam in families
	some cmd in lib.commands_of(fam.programs)
	installs(fam, cmd)
	not refreshing_runs[[name, cmd.ins]]
	earlier := first_refresh_alone[[name, cmd.stage]]
	earlier.index < cmd.ins
	finding := lib.at_command(cmd, concat("", [cmd.program, " installs from the index refreshed alone by the RUN on line ", format_int(earlier.startLine, 10)]))
}

# Per family, the RUNs that refresh its index without installing anything: found once, from the
# RUNs found to refresh it (refreshing_runs), in file order.
refreshes_alone[name] := [ins |
	some ins in input.instructions # in file order, which first_refresh_alone relies on (a set is walked in hash order)
	refreshing_runs[[name, ins.index]]
	not installs_in(fam, ins.index)
] if {
	some name, fam in families
}

# The first RUN of each stage that refreshes a family's index alone: an install after it reports that
# one. Naming every earlier such RUN made one finding per pair (2,500 of each: six million findings).
first_refresh_alone[[name, r.stage]] := r if {
	some name, _ in families
	runs := refreshes_alone[name]
	some p, r in runs
	not continues_stage(runs, p)
}

continues_stage(runs, p) if runs[p - 1].stage == runs[p].stage

installs(fam, cmd) if {
	fam.programs[cmd.program]
	fam.install[lib.subcommand(cmd)]
}

# pacman: `-S` installs, `-Sy`/`-Syu` refresh first.
installs(fam, cmd) if {
	cmd.program == "pacman" # before the object comparison, which is the costly test
	fam == families.pacman
	regex.match(`^-S[a-z]*$`, cmd.words[1])
	not regex.match(`^-S[a-z]*y`, cmd.words[1])
}

refreshes(fam, cmd) if {
	fam.programs[cmd.program]
	fam.refresh[lib.subcommand(cmd)]
}

refreshes(fam, cmd) if {
	cmd.program == "apk"
	fam == families.apk
	lib.has_flag(cmd.words, {"--update", "-U", "--update-cache"})
}

refreshes(fam, cmd) if {
	cmd.program == "pacman" # before the object comparison, which is the costly test
	fam == families.pacman
	regex.match(`^-S[a-z]*y`, cmd.words[1])
}

# [family, RUN] for each RUN that refreshes a family's index, found once: asked per install, going
# through the RUN's commands took time in the square of them (a RUN of 5,000 installs: 47 s).
refreshing_runs contains [name, cmd.ins] if {
	some name, fam in families
	some cmd in lib.commands_of(fam.programs)
	refreshes(fam, cmd)
}

installs_in(fam, ins) if {
	some c in lib.instruction_commands(ins)
	installs(fam, c)
}
