# METADATA
# title: Instruction flag written without a value
# description: >-
#   A flag that takes a value must be written `--name=value`. BuildKit reads the leading words
#   that start with `--` as flags and refuses a valued one without `=` ("missing a value on
#   flag"), so `COPY --from build /app /app` does not build. Every other rule would also read that
#   instruction wrongly: the value is taken for the first source. Flags without a value of their
#   own (`--link`, `--parents`, `--keep-git-dir`) are not reported.
# custom:
#   id: CPD075
#   severity: deny
#   remediation: >-
#     Join the flag and its value with `=`: `COPY --from=build /app /app`, `RUN
#     --mount=type=cache,target=/root/.cache ...`, `HEALTHCHECK --interval=30s CMD ...`.
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
package container_policy.rules.dockerfile.flag_without_value

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in input.instructions
	some [i, flag] in lib.flags_without_value(ins)
	finding := lib.at_instruction(ins, sprintf(
		"%s --%s has no value, so BuildKit refuses the build (\"missing a value on flag: %s\"); write %s",
		[ins.keyword, flag.name, flag.name, fix(ins, i, flag.name)],
	))
}

# When the valueless flag is the last one, what was meant as its value is the first argument, if the
# instruction still has what it needs without it (`ADD --checksum https://... /` lacks the checksum
# itself, so none is guessed).
fix(ins, i, name) := sprintf("--%s=%s", [name, ins.args[0]]) if {
	i == count(ins.flagList) - 1
	count(ins.args) > arguments_needed(ins.keyword)
} else := sprintf("--%s=<value>", [name])

arguments_needed(keyword) := 2 if {"COPY", "ADD"}[keyword]

else := 1
