# METADATA
# title: Final image has no HEALTHCHECK
# description: >-
#   Neither the final stage nor a stage it is built from sets HEALTHCHECK, so Docker cannot tell
#   a hung container from a healthy one. Kept at warn: orchestrators such as Kubernetes ignore
#   HEALTHCHECK and use their own probes. `HEALTHCHECK NONE` counts as a deliberate choice.
# custom:
#   id: CPD037
#   severity: warn
#   remediation: >-
#     Add a check of the service itself: `HEALTHCHECK --interval=30s --timeout=3s CMD
#     wget -qO- http://localhost:8080/health || exit 1`.
#   compliance:
#     cis-docker: ["4.6"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: ["A1.2", "CC7.2"]
#   aliases:
#     hadolint: []
#     trivy: ["AVD-DS-0026"]
#     kics: ["b03a748a-542d-44f4-bb86-9199ab4fd2d5"]
#     checkov: ["CKV_DOCKER_2"]
package container_policy.rules.dockerfile.healthcheck_missing

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	input.finalStage >= 0
	not has_healthcheck
	finding := lib.at_from(lib.final_stage, concat("", ["Final stage ", lib.stage_name(lib.final_stage), " and the stages it is built from set no HEALTHCHECK"]))
}

has_healthcheck if {
	some ins in lib.instructions_of(["HEALTHCHECK"])
	lib.final_lineage[ins.stage]
}
