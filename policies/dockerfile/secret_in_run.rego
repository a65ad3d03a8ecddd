# METADATA
# title: Secret written in a RUN command
# description: >-
#   A RUN command line holds a credential as a literal: a URL with a password or a token in it
#   (`git clone https://user:pass@host/repo`, `https://ghp_...@github.com/...`), a `--password`
#   option with its value, or a word of a known credential format (setting
#   `dockerfile.secret_value_patterns`: `export GITHUB_TOKEN=ghp_...`, `curl -H "Authorization:
#   token ghp_..."`, `AWS_ACCESS_KEY_ID=AKIA... aws s3 cp ...`). The Dockerfile is in the
#   repository, and every RUN's command line is recorded in the image history (`docker history --no-trunc`). Values read from a variable
#   (`$TOKEN`) or a command (`$(cat /run/secrets/token)`) are not literals. A secret-looking name
#   alone is not enough here: builds set placeholders for one command
#   (`SECRET_KEY=dummy manage.py collectstatic`), which the image never keeps.
# custom:
#   id: CPD069
#   severity: deny
#   remediation: >-
#     Pass the secret at build time as a secret mount and read it inside the RUN: `RUN
#     --mount=type=secret,id=token git clone "https://oauth2:$(cat
#     /run/secrets/token)@gitlab.example/org/repo.git"`, built with `docker build --secret
#     id=token,env=TOKEN`. Rotate a credential that was committed.
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
package container_policy.rules.dockerfile.secret_in_run

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.secrets

# The secret is never quoted in a message: findings are published as annotations and summaries.

# A URL with a credential, `--password` with a literal value, or a value of a credential format
# (`export GITHUB_TOKEN=ghp_...`, `curl -H "Authorization: token ghp_..."`) in any word of the
# command (runners and their options included: `sudo -u app git clone https://u:p@host`).
findings contains finding if {
	some cmd in lib.commands
	some i, w in cmd.raw
	msg := secrets.credential_message(cmd.program, cmd.raw, i, w)
	finding := lib.at_command(cmd, concat("", [msg, recorded]))
}

findings contains finding if {
	secrets.some_format_may_match
	some cmd in lib.commands
	some i, w in cmd.raw
	msg := secrets.format_message(cmd.program, cmd.raw, i, w)
	finding := lib.at_command(cmd, concat("", [msg, recorded]))
}

recorded := "; the Dockerfile and the image history record it"

# `AWS_ACCESS_KEY_ID=AKIA... aws s3 cp ...`: set for one command. Only commands with such words carry them.
findings contains finding if {
	some [c, arg] in lib.prefix_assignments
	[name, value] := literal_pair(arg)
	secrets.credential_format(value)
	program := lib.basename(lib.unwrap(c)[0])
	msg := sprintf("%s before %s %s%s", [name, program, secrets.format_reason, recorded])
	finding := {"msg": msg, "startLine": c.line, "endLine": c.line}
}

# `NAME=value` whose value the build does not compute: no expansion, no substitution.
literal_pair(arg) := [name, value] if {
	i := indexof(arg, "=")
	i > 0
	name := trim_suffix(substring(arg, 0, i), "+")
	value := substring(arg, i + 1, -1)
	secrets.literal(value)
}
