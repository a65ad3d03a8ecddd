# METADATA
# title: COPY --from names its own or a later stage
# description: >-
#   `COPY --from` names the stage it is in, or (by index) a stage that is not defined yet.
#   BuildKit cannot copy from a stage that is still being built.
# custom:
#   id: CPD008
#   severity: deny
#   remediation: >-
#     Point `--from` at an earlier stage by its name, or copy from the build context without
#     `--from`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3022", "DL3023"]
#     trivy: ["AVD-DS-0006"]
#     kics: ["cdddb86f-95f6-4fc4-b5a1-483d9afceb2b"]
#     checkov: []
package container_policy.rules.dockerfile.copy_from_self

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["COPY", "ADD"])
	from := lower(ins.flags.from)
	stage := input.stages[ins.stage]
	problem := self_reference(from, stage)
	finding := lib.at_instruction(ins, sprintf("%s --from=%s %s", [ins.keyword, ins.flags.from, problem]))
}

# One answer: a stage named with digits (`AS 1`, which BuildKit refuses) can be both, and two values
# would be a conflict that fails the evaluation of the whole file.
self_reference(from, stage) := "names the stage it is in" if {
	from == stage.name
} else := "names a stage that is not built yet" if {
	lib.digits_only(from)
	to_number(from) >= stage.index
}
