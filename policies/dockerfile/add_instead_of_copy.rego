# METADATA
# title: ADD used to copy local files
# description: >-
#   ADD also fetches URLs and unpacks archives; for plain files that hidden behaviour is a
#   surprise waiting to happen (an archive named like a file is unpacked). COPY does only what
#   it says.
# custom:
#   id: CPD034
#   severity: warn
#   remediation: >-
#     Use `COPY` for local files and directories; keep ADD for archives you mean to unpack, and
#     for remote files use `ADD --checksum=sha256:<digest> <url>`.
#   compliance:
#     cis-docker: ["4.9"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.1"]
#     soc2: []
#   aliases:
#     hadolint: ["DL3020"]
#     trivy: ["AVD-DS-0005"]
#     kics: ["9513a694-aa0d-41d8-be61-3271e056f36b"]
#     checkov: ["CKV_DOCKER_4"]
package container_policy.rules.dockerfile.add_instead_of_copy

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["ADD"])
	count(ins.args) > 1
	some i, src in ins.args
	i < count(ins.args) - 1
	not fetches_or_unpacks(src)
	finding := lib.at_instruction(ins, concat("", ["ADD copies \"", src, "\"; use COPY for local files"]))
}

# What ADD does that COPY cannot: fetch a URL or a git repository, unpack a local archive. String
# tests rather than a pattern, which the Wasm runtime would compile anew for every document.
fetches_or_unpacks(src) if {
	some prefix in {"http://", "https://", "git://", "git@"}
	startswith(src, prefix)
}

fetches_or_unpacks(src) if {
	some extension in {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz"}
	endswith(src, extension)
}
