# METADATA
# title: RUN cd instead of WORKDIR
# description: >-
#   `cd` in RUN changes the directory for that step only; later steps and the container run
#   elsewhere, which is a common source of confusion.
# custom:
#   id: CPD023
#   severity: warn
#   remediation: >-
#     Use `WORKDIR /path` to set the directory for the following instructions.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3003"]
#     trivy: []
#     kics: ["f4a6bcd3-e231-4acf-993c-aa027be50d2e"]
#     checkov: []
package container_policy.rules.dockerfile.run_cd

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["cd"])
	finding := lib.at_command(cmd, concat("", ["RUN changes directory with \"cd ", concat(" ", array.slice(cmd.words, 1, count(cmd.words))), "\"; use WORKDIR"]))
}
