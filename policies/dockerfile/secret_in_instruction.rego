# METADATA
# title: Secret written in CMD, ENTRYPOINT, HEALTHCHECK, LABEL or another instruction
# description: >-
#   An instruction other than RUN, ARG and ENV (which CPD069 and CPD031 check) holds a credential as
#   a literal: a URL with a password or a token in it (`CMD ["app", "--db",
#   "postgres://app:s3cret@db/app"]`), a `--password` option with its value, or a word of a known
#   credential format (setting `dockerfile.secret_value_patterns`: `LABEL token=ghp_...`,
#   `ENTRYPOINT ["sync", "--key", "AKIA..."]`). The Dockerfile is in the repository; CMD,
#   ENTRYPOINT, HEALTHCHECK, LABEL, ONBUILD and the other settings are stored in the image's
#   configuration, which `docker inspect` shows to anyone who can pull the image, and ADD's source
#   URL is recorded in the image history. The files COPY and ADD write from a heredoc (`COPY <<EOF
#   /root/.npmrc`) are searched line by line: they are in the image's layers. Values read from a
#   variable (`$TOKEN`) are not literals.
# custom:
#   id: CPD073
#   severity: deny
#   remediation: >-
#     Give the container the credential when it starts, never in the image: a secret file mounted at
#     run time (compose `secrets:`, read from `/run/secrets/...`) or a variable set by whoever runs
#     it (`docker run -e DB_PASSWORD`). For ADD, download in a RUN that reads the credential from a
#     build secret (`RUN --mount=type=secret,id=token ...`). Rotate a credential that was committed.
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
package container_policy.rules.dockerfile.secret_in_instruction

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.secrets

# The secret is never quoted in a message: findings are published as annotations and summaries.

findings contains finding if {
	some ins in lib.instructions_of(checked)
	some i, w in ins.args
	msg := secrets.credential_message(ins.keyword, ins.args, i, w)
	finding := at(ins, msg)
}

findings contains finding if {
	secrets.some_format_may_match
	some ins in lib.instructions_of(checked)
	some i, w in ins.args
	msg := secrets.format_message(ins.keyword, ins.args, i, w)
	finding := at(ins, msg)
}

# A file COPY or ADD writes from a heredoc (`COPY <<EOF /root/.npmrc`) is in the image, whatever
# its name: each line's words, the finding at the line. The format search as for instructions, behind
# the once-per-file test: asked for each word, the test itself made a heredoc of 900,000 words take
# minutes.
findings contains finding if {
	some [subject, line, words] in heredoc_lines
	some i, w in words
	msg := secrets.credential_message(subject, words, i, w)
	finding := in_heredoc(line, msg)
}

findings contains finding if {
	secrets.some_format_may_match
	some [subject, line, words] in heredoc_lines
	some i, w in words
	msg := secrets.format_message(subject, words, i, w)
	finding := in_heredoc(line, msg)
}

# The lines that may hold a credential, with their words: most bodies and lines hold neither an `@`
# nor `--pass`, and the Wasm runtime frees nothing until the file is done, so what is not split costs
# nothing more.
heredoc_lines contains [subject, doc.startLine + n, words] if {
	some ins in lib.instructions_of(["ADD", "COPY"])
	some doc in object.get(ins, "heredocs", [])
	may_hold_credential(doc.body)
	subject := sprintf("%s <<%s", [ins.keyword, doc.name])
	some n, text in split(doc.body, "\n")
	may_hold_credential(text)
	words := split(replace(text, "\t", " "), " ")
}

may_hold_credential(text) if contains(text, "@")

may_hold_credential(text) if contains(text, "--pass")

may_hold_credential(_) if secrets.some_format_may_match

in_heredoc(line, msg) := {"msg": sprintf("%s; the Dockerfile and the image's files record it", [msg]), "startLine": line, "endLine": line}

at(ins, msg) := lib.at_instruction(ins, sprintf("%s; the Dockerfile and %s record it", [msg, recorded_in(ins.keyword)]))

# Every instruction whose words reach the image or its history. RUN, ARG and ENV have rules of their
# own, which know their shapes; FROM names an image, which holds no credential.
checked := [
	"ADD", "CMD", "COPY", "ENTRYPOINT", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
	"SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
]

recorded_in(keyword) := "the image history" if {
	keyword in {"ADD", "COPY"}
} else := "the image's configuration (docker inspect)"
