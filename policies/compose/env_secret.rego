# METADATA
# title: Secret written in environment
# description: >-
#   A service's `environment` sets a variable whose name looks like a secret (password, token,
#   secret, private key, ...) to a literal value, or any variable to a URL with a password or a
#   token in it (`DATABASE_URL: postgres://app:s3cret@db/app`) or to a value of a known credential
#   format (setting `dockerfile.secret_value_patterns`: `ghp_...`, `AKIA...`). The value ends up in
#   the repository, in `docker inspect` and in the process environment of every child.
# custom:
#   id: CPC030
#   severity: warn
#   remediation: >-
#     Use compose `secrets:` (mounted as files), or take the value from a variable
#     (`${DB_PASSWORD}`) set outside the repository.
#   compliance:
#     cis-docker: ["4.10"]
#     nist-800-190: ["4.1.4"]
#     owasp-docker: ["D06"]
#     pci-dss: ["3.5.1", "8.3.2"]
#     soc2: ["CC6.7"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.env_secret

import data.container_policy.lib.compose as lib
import data.container_policy.lib.secrets
import data.container_policy.lib.settings

findings contains finding if {
	some name, svc in lib.normalised
	some variable, entry in svc.environment
	settings.secret_name_match(secret_env_pattern, variable)
	is_string(entry.value)
	entry.value != ""
	not lib.unresolved_at(entry.path)
	not startswith(entry.value, "/run/secrets/")
	finding := {
		"msg": lib.service_message(name, concat("", ["sets ", variable, " in environment to ", lib.value_origin(entry.path)])),
		"path": entry.path,
	}
}

# Any other variable whose value holds a credential: the name says nothing (`DATABASE_URL`).
findings contains finding if {
	some name, svc in lib.normalised
	some variable, entry in svc.environment
	is_string(entry.value)
	what := secrets.value_credential(entry.value)
	not settings.secret_name_match(secret_env_pattern, variable)
	not lib.unresolved_at(entry.path)
	finding := {
		"msg": lib.service_message(name, concat("", ["sets ", variable, " in environment to ", what])),
		"path": entry.path,
	}
}

# Looked up once per document rather than for every variable.
secret_env_pattern := settings.value("compose.secret_env_pattern")
