# METADATA
# title: wget without a quiet or progress option
# description: >-
#   wget prints a progress bar by default; in a build log that is thousands of lines of noise
#   that hides the output that matters (and makes logs large).
# custom:
#   id: CPD063
#   severity: warn
#   remediation: >-
#     Add `-q` (or `-nv`, or `--progress=dot:giga`): `wget -q -O app.tgz "$URL"`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3047"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.wget_progress

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["wget"])
	not quiet(cmd.words)
	finding := lib.at_command(cmd, "wget without -q, -nv or --progress fills the build log with a progress bar")
}

quiet(words) if {
	some w in words
	startswith(w, "-")
	quiet_flag(w)
}

# What `^(-[a-zA-Z]*q|-nv$|--quiet$|--no-verbose$|--progress=|-o$|--output-file|--show-progress$)`
# matches, written with string functions: the Wasm runtime compiles a pattern anew for every document.
quiet_flag(w) if quiet_flags[w]

quiet_flag(w) if startswith(w, "--progress=")

quiet_flag(w) if startswith(w, "--output-file")

# `-q`, or a q among the letters of a short-flag group (`-nqO-`): only letters between the dash and the first q.
quiet_flag(w) if {
	before_q := split(substring(w, 1, -1), "q")
	count(before_q) > 1
	lib.only_chars(before_q[0], lib.ascii_letters)
}

quiet_flags := {"-nv", "--quiet", "--no-verbose", "-o", "--show-progress"}
