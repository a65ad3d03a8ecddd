# METADATA
# title: Two stages have the same name
# description: >-
#   Two FROM instructions use the same `AS` name (names compare case-insensitively). BuildKit
#   refuses the file, and a reader cannot tell which stage `COPY --from` means.
# custom:
#   id: CPD007
#   severity: deny
#   remediation: >-
#     Give each stage a unique name.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3024"]
#     trivy: ["AVD-DS-0012"]
#     kics: ["f2daed12-c802-49cd-afed-fe41d0b82fed"]
#     checkov: []
package container_policy.rules.dockerfile.duplicate_stage_name

import data.container_policy.lib.dockerfile as lib

# The stages of each name, gathered in one pass, so that each stage is compared only with the
# stages of its own name and not with every stage of the file.
stages_named[stage.name] contains stage if {
	some stage in input.stages
	is_string(stage.name)
}

findings contains finding if {
	some later in input.stages
	some earlier in stages_named[later.name]
	earlier.index < later.index
	finding := lib.at_from(later, sprintf("Stage name \"%s\" is already used by the stage on line %d", [later.name, earlier.fromLine]))
}
