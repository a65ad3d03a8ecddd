# METADATA
# title: RUN uses a command meant for a running system
# description: >-
#   Commands such as `ps`, `top`, `kill`, `shutdown`, `service`, `free`, `mount`, `ifconfig`,
#   `ssh`, `vim` and `nano` make no sense in a build step (there is no running system or
#   terminal) and usually mean the step does not do what was intended.
# custom:
#   id: CPD024
#   severity: warn
#   remediation: >-
#     Remove the command; start services from CMD/ENTRYPOINT and inspect the image with `docker
#     run` instead.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3001"]
#     trivy: []
#     kics: ["9b6b0f38-92a2-41f9-b881-3a1083d99f1b"]
#     checkov: []
package container_policy.rules.dockerfile.interactive_utilities

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["ps", "top", "kill", "shutdown", "service", "free", "mount", "ifconfig", "ssh", "vim", "nano"])
	finding := lib.at_command(cmd, sprintf("RUN runs \"%s\", which has no effect in a build", [cmd.program]))
}
