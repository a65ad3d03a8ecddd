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
	some cmd in lib.commands_of({"wget"})
	not quiet(cmd.words)
	finding := lib.at_command(cmd, "wget without -q, -nv or --progress fills the build log with a progress bar")
}

quiet(words) if {
	some w in words
	startswith(w, "-") # flags only: the pattern is compiled anew for every document
	regex.match(`^(-[a-zA-Z]*q|-nv$|--quiet$|--no-verbose$|--progress=|-o$|--output-file|--show-progress$)`, w)
}
