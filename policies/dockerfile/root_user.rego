# METADATA
# title: Final stage runs as root
# description: >-
#   The image a plain `docker build` produces runs its processes as root: neither the final stage
#   nor any stage it is built from (`FROM <stage>`) sets USER, or the last USER that takes effect is
#   root (`root`, `0`, or either with a group). A process that escapes the application then holds
#   root inside the container and, with a misconfigured runtime, on the host. Builder stages are not
#   checked: they run at build time only.
# custom:
#   id: CPD002
#   severity: deny
#   remediation: >-
#     Create an unprivileged user in the final stage and switch to it after the steps that need
#     root, e.g. `RUN adduser -D -u 10001 app` then `USER 10001:10001`. A numeric UID lets the
#     runtime verify the user is not root.
#   compliance:
#     cis-docker: ["4.1"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D01"]
#     pci-dss: ["2.2.1", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: ["DL3002"]
#     trivy: ["AVD-DS-0002"]
#     kics: ["fd54f200-402c-4333-a5a4-36ef6709af2f", "67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae"]
#     checkov: ["CKV_DOCKER_3", "CKV_DOCKER_8"]
package container_policy.rules.dockerfile.root_user

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	count(lib.final_user_positions) == 0
	finding := lib.at_from(lib.final_stage, concat("", ["Final stage ", lib.stage_name(lib.final_stage), " and the stages it is built from set no USER, so the image runs as root"]))
}

findings contains finding if {
	lib.is_root_user(lib.final_user.args[0])

	# concat rather than sprintf, a call out of the Wasm module (see lib.stage_name).
	finding := lib.at_instruction(lib.final_user, concat("", ["Final stage ", lib.stage_name(lib.final_stage), " runs as root: the USER in effect is \"", lib.final_user.args[0], "\"", inherited_from(lib.final_user)]))
}

# Names the builder stage a USER comes from when the final stage inherits it.
inherited_from(instruction) := "" if instruction.stage == lib.final_stage.index

inherited_from(instruction) := concat("", [", set in stage ", lib.stage_name(input.stages[instruction.stage])]) if {
	instruction.stage != lib.final_stage.index
}
