# METADATA
# title: Secret file copied into the image
# description: >-
#   COPY or ADD names a file that holds credentials (private keys, `.env`, `.npmrc`, `.pypirc`,
#   `.netrc`, `.git-credentials`, cloud credential files, `.key` and `.pem` files). Anything
#   copied stays in a layer even if a later step deletes it. A `.key` or `.pem` file is taken for
#   public material, and not reported, when its name says so (`pub`, `gpg`, `pgp` or `asc` in it;
#   for `.pem`, a certificate, chain or DH parameters name such as `ca.pem`, `cert.pem` or
#   `dhparam.pem`, with no `key` in it), when it is copied to a name ending `.pub`, `.asc`, `.gpg`,
#   `.crt` or `.cer`, or when it goes into a directory that only holds trust anchors (apt's
#   keyrings, `/etc/pki/rpm-gpg`, `/etc/apk/keys`, the CA certificate directories).
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
	destination := ins.args[count(ins.args) - 1]
	some i, src in ins.args
	i < count(ins.args) - 1
	holds_credentials(src, destination)
	finding := lib.at_instruction(ins, sprintf("%s copies \"%s\", which holds credentials, into the image", [ins.keyword, src]))
}

# Files that hold credentials, by name or by extension. Tested as strings rather than with a regular
# expression: the Wasm runtime compiles each pattern anew for every document, and this one cost more
# than the rest of the rule on most files.
holds_credentials(src, _) if credential_files[lib.basename(src)]

# An extension alone is weaker evidence: public keys and certificates are `.key` and `.pem` files
# too (an apt repository's `Release.key`, a CA's `ca.pem`), and a gate that denies those is one
# users learn to switch off.
holds_credentials(src, destination) if {
	some extension in credential_extensions
	endswith(src, extension)
	not public_material(src, destination)
}

credential_files := {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".env", ".npmrc", ".pypirc", ".netrc", ".git-credentials", ".dockercfg", "credentials"}

credential_extensions := {".pem", ".key", ".p12", ".pfx"}

public_material(src, _) if {
	some word in name_words(src)
	public_word(word)
}

public_material(src, _) if {
	endswith(src, ".pem")
	words := name_words(src)
	every word in words { not contains(word, "key") }
	some word in words
	certificate_word(word)
}

public_material(_, destination) if {
	some extension in public_extensions
	endswith(destination, extension)
}

public_material(_, destination) if {
	some directory in trust_directories
	startswith(concat("", [destination, "/"]), concat("", [directory, "/"]))
}

# The words of a file's name: `ca-key.pem` is ca, key and pem.
name_words(path) := split(replace(replace(lower(lib.basename(path)), "-", "."), "_", "."), ".")

public_word(word) if contains(word, "pub") # pub, pubkey, public
public_word(word) if {"gpg", "pgp", "asc", "keyring", "gpgkey"}[word]

certificate_word(word) if {"ca", "rootca", "cacert", "cacerts", "cert", "certs", "certificate", "chain", "fullchain", "bundle", "dhparam", "dhparams"}[word]
certificate_word(word) if startswith(word, "ffdhe") # RFC 7919's named groups: ffdhe2048.pem

certificate_word(word) if {
	startswith(word, "dh") # dh.pem, dh2048.pem
	lib.only_chars(substring(word, 2, -1), "0123456789")
}

public_extensions := {".pub", ".asc", ".gpg", ".crt", ".cer"}

# Directories whose files are only ever read as trust anchors: a key put there verifies, it does not sign.
trust_directories := {
	"/etc/apt/trusted.gpg.d",
	"/etc/apt/keyrings",
	"/usr/share/keyrings",
	"/etc/pki/rpm-gpg",
	"/etc/apk/keys",
	"/usr/local/share/ca-certificates",
	"/usr/share/ca-certificates",
	"/etc/pki/ca-trust/source/anchors",
}
