# METADATA
# title: Package signature checks are turned off
# description: >-
#   Installing with signature checks off (`apk --allow-untrusted`, `apt-get
#   --allow-unauthenticated` or `--force-yes`, `-o APT::Get::AllowUnauthenticated=true`, an apt
#   source written with `[trusted=yes]` or `[allow-insecure=yes]`, `rpm --nosignature`,
#   `--nogpgcheck`, `dnf --setopt=gpgcheck=0`) accepts packages nobody signed, so a tampered mirror
#   goes unnoticed.
# custom:
#   id: CPD028
#   severity: deny
#   remediation: >-
#     Remove the option and import the repository signing key instead (`apk add
#     --allowed-keys`-style key files, `signed-by=` for apt sources, `rpm --import` for rpm).
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.signature_check_disabled

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands
	some w in cmd.words
	startswith(w, "--") # a prefix test costs less than hashing every word for a set lookup
	unverified_install_flags[w]
	finding := lib.at_command(cmd, sprintf("%s runs with %s, so unsigned packages are accepted", [cmd.program, w]))
}

# Named once rather than written in the loop, where the set would be built again for every word.
unverified_install_flags := {"--allow-untrusted", "--allow-unauthenticated", "--force-yes", "--nosignature", "--nogpgcheck", "--nodigest", "--no-gpg-checks", "--allow-insecure-repositories"}

# apt's own configuration given on the command line: `-o APT::Get::AllowUnauthenticated=true`.
findings contains finding if {
	some cmd in lib.commands_of(["apt-get", "apt", "aptitude"])
	some i, w in cmd.words
	startswith(w, "-o")
	setting := option_value(cmd.words, i, "-o")
	[key, value] := key_value(setting)
	apt_unverified_keys[lower(key)]
	off_or_on[lower(value)] == "on"
	finding := lib.at_command(cmd, sprintf("%s runs with -o %s, so unsigned packages are accepted", [cmd.program, setting]))
}

# dnf and yum options given on the command line: `--setopt=gpgcheck=0`, `--setopt=myrepo.gpgcheck=false`.
findings contains finding if {
	some cmd in lib.commands_of(["dnf", "yum", "microdnf", "tdnf"])
	some i, w in cmd.words
	startswith(w, "--setopt")
	setting := option_value(cmd.words, i, "--setopt")
	[key, value] := key_value(setting)
	rpm_check_keys[last_part(lower(key))]
	off_or_on[lower(value)] == "off"
	finding := lib.at_command(cmd, sprintf("%s runs with --setopt=%s, so unsigned packages are accepted", [cmd.program, setting]))
}

# An apt source written by the RUN with `[trusted=yes]` (apt takes its packages unsigned) or
# `[allow-insecure=yes]` (apt takes it without a signed index). Not a local one (`file:`, `copy:`),
# such as the repository of packages a RUN has just built itself.
findings contains finding if {
	some cmd in lib.commands_of(["echo", "printf", "sed", "add-apt-repository"])
	some w in cmd.words
	some option in unsigned_source_options
	contains(w, option) # before the pattern, which the Wasm runtime compiles for every document
	source_option := concat("", [`\[[^\]]*\b`, option, `\b[^\]]*\]`])
	regex.match(source_option, w)
	not regex.match(concat("", [source_option, `\s*(file|copy):`]), w)
	finding := lib.at_command(cmd, sprintf("%s writes an apt source with [%s], so its packages are accepted unsigned", [cmd.program, option]))
}

unsigned_source_options := ["trusted=yes", "allow-insecure=yes"]

# The value of an option written `-oX`, `-o X`, `--setopt=X` or `--setopt X`.
option_value(words, i, option) := words[i + 1] if {
	words[i] == option
} else := substring(words[i], count(option) + 1, -1) if {
	startswith(words[i], concat("", [option, "="]))
} else := substring(words[i], count(option), -1) if {
	option == "-o"
	count(words[i]) > 2
}

key_value(setting) := [trim_space(substring(setting, 0, i)), trim(substring(setting, i + 1, -1), " \"'")] if {
	i := indexof(setting, "=")
	i > 0
}

last_part(key) := parts[count(parts) - 1] if parts := split(key, ".")

apt_unverified_keys := {"apt::get::allowunauthenticated", "acquire::allowinsecurerepositories", "acquire::allowdowngradetoinsecurerepositories"}

rpm_check_keys := {"gpgcheck", "localpkg_gpgcheck", "repo_gpgcheck", "pkg_gpgcheck"}

off_or_on := {"0": "off", "false": "off", "no": "off", "off": "off", "1": "on", "true": "on", "yes": "on", "on": "on"}
