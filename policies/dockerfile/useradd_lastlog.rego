# METADATA
# title: useradd with a high UID without -l
# description: >-
#   `useradd` with a large UID and without `-l` (`--no-log-init`) fills /var/log/lastlog and
#   faillog sparsely, which can add gigabytes to the layer.
# custom:
#   id: CPD030
#   severity: warn
#   remediation: >-
#     Add `-l`: `useradd -l -u 100000 app`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3046"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.useradd_lastlog

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["useradd"])
	some i, w in cmd.words
	w in {"-u", "--uid"}
	to_number(cmd.words[i + 1]) > 99999
	not lib.has_flag(cmd.words, {"-l", "--no-log-init"})
	finding := lib.at_command(cmd, sprintf("useradd -u %s without -l", [cmd.words[i + 1]]))
}
