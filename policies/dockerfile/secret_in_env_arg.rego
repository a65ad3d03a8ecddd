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

import data.container_policy.lib.settings

findings contains finding if {
	some ins in lib.instructions_of(["ARG", "ENV"])
	some arg in ins.args
	[name, value] := split_pair(arg)
	reason := secret(name, value)
	finding := lib.at_instruction(ins, sprintf("%s %s %s", [ins.keyword, name, reason]))
}

split_pair(arg) := [substring(arg, 0, i), substring(arg, i + 1, -1)] if {
	i := indexof(arg, "=")
	i > 0
}

secret(name, value) := "has a secret-looking name and a literal value" if {
	some pattern in settings.dockerfile_secret_name_patterns
	settings.secret_name_match(pattern, name)
	value != ""
	not regex.match(`^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$`, value)
	not lower(value) in {"true", "false", "yes", "no", "0", "1"}
} else := "has a value that matches a credential format" if {
	some [pattern, clues] in value_patterns
	settings.holds_clue(clues, value)
	regex.match(pattern, value)
}

# The credential formats with their clues (settings.pattern_clues), looked up once per document
# rather than once per value: the key is a whole pattern, hashed on every lookup.
value_patterns := [[pattern, object.get(settings.pattern_clues, pattern, null)] |
	some pattern in settings.value("dockerfile.secret_value_patterns")
]
