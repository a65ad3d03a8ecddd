# METADATA
# title: Secret file copied into the image
# description: >-
#   COPY or ADD names a file that holds credentials (private keys, `.env`, `.npmrc`, `.pypirc`,
#   `.netrc`, `.git-credentials`, cloud credential files). Anything copied stays in a layer even
#   if a later step deletes it.
# custom:
#   id: CPD033
#   severity: deny
#   remediation: >-
#     Do not copy the file; mount it for the step that needs it: `RUN
#     --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, and list it in `.dockerignore`.
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
#     checkov: []
package container_policy.rules.dockerfile.secret_file_copied

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["COPY", "ADD"])
	not ins.flags.from
	count(ins.args) > 1
	some i, src in ins.args
	i < count(ins.args) - 1
	holds_credentials(src)
	finding := lib.at_instruction(ins, sprintf("%s copies \"%s\", which holds credentials, into the image", [ins.keyword, src]))
}

# Files that hold credentials, by name or by extension. Tested as strings rather than with a regular
# expression: the Wasm runtime compiles each pattern anew for every document, and this one cost more
# than the rest of the rule on most files.
holds_credentials(src) if credential_files[lib.basename(src)]

holds_credentials(src) if {
	some extension in credential_extensions
	endswith(src, extension)
}

credential_files := {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".env", ".npmrc", ".pypirc", ".netrc", ".git-credentials", ".dockercfg", "credentials"}

credential_extensions := {".pem", ".key", ".p12", ".pfx"}
