# METADATA
# title: Secret in ARG or ENV
# description: >-
#   An ARG or ENV whose name looks like a credential (setting `dockerfile.secret_name_patterns`)
#   has a literal value, or any value matches a known credential format (setting
#   `dockerfile.secret_value_patterns`: AWS keys, GitHub and GitLab tokens, private keys, ...).
#   ENV values ship in the image config and ARG values in its history, readable by anyone who
#   can pull the image.
# custom:
#   id: CPD031
#   severity: deny
#   remediation: >-
#     Remove the value from the Dockerfile and pass the secret at build time as a secret mount:
#     `RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci`,
#     with `docker build --secret id=npm_token,env=NPM_TOKEN`. Rotate a credential that was
#     committed.
#   compliance:
#     cis-docker: ["4.10"]
#     nist-800-190: ["4.1.4"]
#     owasp-docker: ["D06"]
#     pci-dss: ["3.5.1", "8.3.2"]
#     soc2: ["CC6.7"]
#   aliases:
#     hadolint: ["DL3064"]
#     trivy: ["AVD-DS-0031"]
#     kics: []
#     checkov: ["CKV_DOCKER_11"]
package container_policy.rules.dockerfile.secret_in_env_arg

import data.container_policy.lib.dockerfile as lib

import data.container_policy.lib.secrets

findings contains finding if {
	some ins in lib.instructions_of(["ARG", "ENV"])
	some arg in ins.args
	[name, value] := secrets.declared_pair(arg)
	reason := secrets.literal_secret(name, value)
	finding := lib.at_instruction(ins, sprintf("%s %s %s", [ins.keyword, name, reason]))
}
