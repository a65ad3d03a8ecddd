# METADATA
# title: Secret written in command, entrypoint, healthcheck or labels
# description: >-
#   A service's `command`, `entrypoint`, `healthcheck.test` or `labels` holds a credential as a
#   literal: a URL with a password or a token in it (`command: ["app", "--db",
#   "postgres://app:s3cret@db/app"]`), a `--password` option with its value, or a value of a known
#   credential format (setting `dockerfile.secret_value_patterns`: `ghp_...`, `AKIA...`). The value
#   is in the repository, and in the container's configuration, which `docker inspect` shows to
#   anyone who may inspect the container. Values that read a variable nothing sets are not judged.
# custom:
#   id: CPC045
#   severity: warn
#   remediation: >-
#     Give the container the credential as a file (compose `secrets:`, read from
#     `/run/secrets/...`), or take it from a variable set outside the repository
#     (`${DB_PASSWORD}`). Rotate a credential that was committed.
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
package container_policy.rules.compose.secret_in_command

import data.container_policy.lib.compose as lib
import data.container_policy.lib.secrets

# The secret is never quoted in a message: findings are published as annotations and summaries.

findings contains finding if {
	some name, svc in lib.normalised
	some field in ["command", "entrypoint"]
	items := svc[field]
	words := [item.word | some item in items]
	some i, w in words
	what := secrets.word_credential(words, i, w)
	path := items[i].path
	not lib.unresolved_at(path)
	finding := at(name, sprintf("passes %s in its %s", [what, field]), path)
}

findings contains finding if {
	some name, svc in lib.normalised
	words := healthcheck_words(svc.healthcheck.test)
	some i, w in words
	what := secrets.word_credential(words, i, w)
	path := array.concat(svc.healthcheck.path, ["test"])
	not unresolved_within(path)
	finding := at(name, sprintf("passes %s in its healthcheck test", [what]), path)
}

findings contains finding if {
	some name, svc in lib.normalised
	some label, entry in svc.labels
	is_string(entry.value)
	what := secrets.value_credential(entry.value)
	not lib.unresolved_at(entry.path)
	finding := at(name, sprintf("sets label %s to %s", [label, what]), entry.path)
}

at(name, text, path) := {"msg": lib.service_message(name, sprintf("%s, which the compose file and the container's configuration (docker inspect) record", [text])), "path": path}

# `CMD-SHELL` runs its one string in a shell: its words are what the shell splits at spaces.
healthcheck_words(test) := split(test[1], " ") if test[0] == "CMD-SHELL"

healthcheck_words(test) := array.slice(test, 1, count(test)) if test[0] == "CMD"

# The test as a string or any item of it as a list.
unresolved_within(path) if {
	some u in input.unresolved
	array.slice(u.path, 0, count(path)) == path
}
