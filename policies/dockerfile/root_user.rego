# METADATA
# title: Final stage runs as root
# description: >-
#   The image a plain `docker build` produces runs its processes as root: neither the final stage
#   nor any stage it is built from (`FROM <stage>`) sets USER, or the last USER that takes effect is
#   root (`root`, `0`, or either with a group), its variables expanded as BuildKit expands them with
#   no `--build-arg` (`ARG U=root` then `USER $U` is root; `${RUNAS:-root}`, a variable the
#   Dockerfile does not set, is root unless the base image sets it). A USER whose value is only known
#   at build time (an ARG without a default, which `--build-arg` sets) may be root, so it is reported
#   too; a bare variable of the base image's environment (`USER $APP_UID` of the .NET images) is not
#   judged. A process that escapes the application then holds
#   root inside the container and, with a misconfigured runtime, on the host. Builder stages are not
#   checked: they run at build time only.
# custom:
#   id: CPD002
#   severity: deny
#   remediation: >-
#     Create an unprivileged user in the final stage and switch to it after the steps that need
#     root, e.g. `RUN adduser -D -u 10001 app` then `USER 10001:10001`. A numeric UID lets the
#     runtime verify the user is not root. A USER taken from a variable needs a non-root default
#     in the Dockerfile (`ARG APP_UID=10001`).
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
	user := lib.user_of(lib.final_user)
	lib.is_root_user(user)

	# concat rather than sprintf, a call out of the Wasm module (see lib.stage_name).
	finding := lib.at_instruction(lib.final_user, concat("", ["Final stage ", lib.stage_name(lib.final_stage), " runs as root: the USER in effect is \"", user, "\"", written_as(lib.final_user, user), inherited_from(lib.final_user)]))
}

# Fail closed: a user set at build time may be root, and nothing in the Dockerfile says it is not.
findings contains finding if {
	lib.user_unknown(lib.final_user)
	finding := lib.at_instruction(lib.final_user, concat("", ["Final stage ", lib.stage_name(lib.final_stage), " may run as root: the USER in effect, \"", lib.final_user.args[0], "\", depends on a value not known before the build (an ARG without a default, which --build-arg sets), so it could not be judged", inherited_from(lib.final_user)]))
}

# Shows the USER as written when it differs from the user it sets (`$U`, quotes).
written_as(instruction, user) := "" if user == instruction.args[0]

written_as(instruction, user) := concat("", [" (written \"", instruction.args[0], "\")"]) if user != instruction.args[0]

# Names the builder stage a USER comes from when the final stage inherits it.
inherited_from(instruction) := "" if instruction.stage == lib.final_stage.index

inherited_from(instruction) := concat("", [", set in stage ", lib.stage_name(input.stages[instruction.stage])]) if {
	instruction.stage != lib.final_stage.index
}
