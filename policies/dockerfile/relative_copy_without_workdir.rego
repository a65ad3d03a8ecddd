# METADATA
# title: COPY to a relative path with no WORKDIR set
# description: >-
#   A COPY or ADD names a relative destination but neither the stage nor the stages it builds on
#   set WORKDIR, so where the files land depends on the base image's working directory and moves
#   when the base image changes.
# custom:
#   id: CPD062
#   severity: warn
#   remediation: >-
#     Set `WORKDIR /app` before the COPY, or give an absolute destination: `COPY app.py
#     /app/`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3045"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.relative_copy_without_workdir

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["COPY", "ADD"])
	count(ins.args) > 1
	dest := trim(ins.args[count(ins.args) - 1], `"'`)
	not absolute(dest)
	not workdir_before(ins)
	finding := lib.at_instruction(ins, concat("", [ins.keyword, " copies to relative ", dest, " but no WORKDIR is set"]))
}

workdir_before(ins) if lib.setting_at("WORKDIR", ins)

# `/app`, `$DIR`, `~/app`, `C:\app`, `\app`. Prefix tests rather than patterns: the Wasm runtime
# compiles a pattern anew for every document.
absolute(dest) if {
	some prefix in absolute_prefixes
	startswith(dest, prefix)
}

absolute(dest) if lib.drive_path(dest)

# Named once, and a list: a set literal in the body above would be built, and hashed, for every path.
absolute_prefixes := ["/", "$", "~", "\\"]
