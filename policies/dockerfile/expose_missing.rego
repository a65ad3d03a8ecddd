# METADATA
# title: Final image declares no EXPOSE
# description: >-
#   Advisory: the final image declares no port, so readers and tools cannot tell what it listens
#   on. Images that serve nothing (CLIs, jobs) can ignore this.
# custom:
#   id: CPD041
#   severity: warn
#   remediation: >-
#     Document the listening port: `EXPOSE 8080`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.expose_missing

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	input.finalStage >= 0
	not exposes
	finding := lib.at_from(lib.final_stage, concat("", ["Final stage ", lib.stage_name(lib.final_stage), " and the stages it is built from declare no EXPOSE"]))
}

exposes if {
	some ins in lib.instructions_of(["EXPOSE"])
	lib.final_lineage[ins.stage]
}
