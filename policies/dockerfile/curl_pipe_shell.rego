# METADATA
# title: Downloaded script piped into a shell
# description: >-
#   `curl ... | sh` (or wget) runs whatever the server returns at build time, unverified: a
#   compromised server or CDN, or a truncated download, executes in the build with its
#   privileges. None of hadolint, Trivy, KICS or Checkov checks this.
# custom:
#   id: CPD026
#   severity: deny
#   remediation: >-
#     Download the script to a file, verify its checksum or signature, then run it: `curl -fsSLo
#     install.sh URL && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`.
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
package container_policy.rules.dockerfile.curl_pipe_shell

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["curl", "wget"])
	some next in lib.later_in_pipeline(cmd)
	interpreters[next.program]
	finding := lib.at_command(cmd, sprintf("%s output is piped into a shell without verification", [cmd.program]))
}

# Named once rather than written in the loop, where the set would be built again for every command.
interpreters := {"sh", "bash", "dash", "ash", "zsh", "ksh", "python", "python3", "perl", "ruby", "node", "php"}
