# METADATA
# title: WORKDIR is a relative path
# description: >-
#   A relative WORKDIR depends on every WORKDIR before it, including ones inherited from the
#   base image.
# custom:
#   id: CPD045
#   severity: warn
#   remediation: >-
#     Use an absolute path: `WORKDIR /app`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3000"]
#     trivy: ["AVD-DS-0013"]
#     kics: ["6b376af8-cfe8-49ab-a08d-f32de23661a4"]
#     checkov: []
package container_policy.rules.dockerfile.workdir_relative

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["WORKDIR"])
	path := trim(ins.args[0], `"'`)
	not absolute(path)
	finding := lib.at_instruction(ins, sprintf("WORKDIR %s is relative", [path]))
}

# `/app`, `$DIR`, `C:\app`, `\app`. Prefix tests rather than patterns: the Wasm runtime compiles a
# pattern anew for every document.
absolute(path) if {
	some prefix in absolute_prefixes
	startswith(path, prefix)
}

absolute(path) if lib.drive_path(path)

# Named once, and a list: a set literal in the body above would be built, and hashed, for every path.
absolute_prefixes := ["/", "$", "\\"]
