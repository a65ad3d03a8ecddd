# METADATA
# title: Package install may wait for a confirmation
# description: >-
#   apt-get, yum, dnf, microdnf and zypper ask for confirmation unless told not to; in a build
#   there is nobody to answer, so the step fails or hangs.
# custom:
#   id: CPD018
#   severity: warn
#   remediation: >-
#     Add the non-interactive flag: `apt-get install -y`, `yum install -y`, `dnf install -y`,
#     `zypper --non-interactive install` (or `zypper install -y`).
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3014", "DL3030", "DL3034", "DL3038"]
#     trivy: []
#     kics: ["77783205-c4ca-4f80-bb80-c777f267c547", "6e19193a-8753-436d-8a09-76dcff91bb03", "7ebd323c-31b7-4e5b-b26f-de5e9e477af8", "45e1fca5-f90e-465d-825f-c2cb63fa3944"]
#     checkov: []
package container_policy.rules.dockerfile.noninteractive_install

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["apt-get", "apt", "yum", "dnf", "microdnf", "zypper", "tdnf"])
	some w in cmd.words
	confirming_subcommands[w]
	not assumes_yes(cmd)
	finding := lib.at_command(cmd, sprintf("%s %s has no -y (or equivalent), so it waits for a confirmation", [cmd.program, cmd.words[1]]))
}

assumes_yes(cmd) if lib.has_flag(cmd.words, {"-y", "--yes", "--assume-yes", "--assumeyes", "-n", "--non-interactive", "--no-confirm"})

assumes_yes(cmd) if lib.has_short_flag(cmd.words, "y")

# apt-get at quiet level 2 (`-qq`, `-q=2`, `-q -q`, `--quiet --quiet`) assumes yes (apt-get(8)).
assumes_yes(cmd) if {
	cmd.program in {"apt-get", "apt"}
	quiet_level(cmd.words) >= 2
}

quiet_level(words) := sum([n |
	some w in words
	contains(w, "q") # every form has one
	n := quiet_count(w)
])

# `-q=N`, `--quiet=N` (one digit), `--quiet`, and `-q` repeated in a group of lowercase short flags
# (`-qqy`). String functions rather than patterns: the Wasm runtime compiles a pattern anew for every
# document.
quiet_count(w) := to_number(level) if {
	some prefix in quiet_level_prefixes
	startswith(w, prefix)
	level := substring(w, count(prefix), -1)
	count(level) == 1
	lib.digits_only(level)
}

quiet_count("--quiet") := 1

quiet_count(w) := count(split(w, "q")) - 1 if {
	startswith(w, "-")
	contains(w, "q")
	lib.only_chars(substring(w, 1, -1), lowercase_letters)
}

quiet_level_prefixes := {"-q=", "--quiet="}

lowercase_letters := "abcdefghijklmnopqrstuvwxyz"

# microdnf never asks.
assumes_yes(cmd) if cmd.program == "microdnf"

# Named once: a set literal in the body above would be built for every word.
confirming_subcommands := {"install", "in", "upgrade", "dist-upgrade", "remove"}
