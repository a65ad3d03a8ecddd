# METADATA
# title: Consecutive RUN, or COPY/ADD to one destination, that could be one
# description: >-
#   Each RUN makes a layer: consecutive RUNs in a stage add layers, keep intermediate files that
#   a later step deletes, and defeat cleanup done in the next step. Consecutive COPY or ADD to
#   the same destination with the same flags are likewise one instruction written several times.
#   The finding is on the first instruction of the series.
# custom:
#   id: CPD055
#   severity: warn
#   remediation: >-
#     Join consecutive RUNs with `&&` (and `\` line continuations, or a heredoc `RUN <<EOF`);
#     list several sources in one COPY: `COPY a b c /dst/`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3059"]
#     trivy: []
#     kics: ["0008c003-79aa-42d8-95b8-1c2fe37dbfe6"]
#     checkov: []
package container_policy.rules.dockerfile.consecutive_run

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some i, a in input.instructions
	continues(i)
	not continues(i - 1)
	end := min({j | some j in numbers.range(i + 1, count(input.instructions) - 1); not continues(j)})
	finding := lib.at_instruction(a, sprintf("%d consecutive %s instructions (lines %d-%d) could be one", [(end - i) + 1, a.keyword, a.startLine, input.instructions[end].startLine]))
}

# Instruction k could be merged with the one after it.
continues(k) if {
	k >= 0
	k + 1 < count(input.instructions)
	mergeable(input.instructions[k], input.instructions[k + 1])
}

mergeable(a, b) if {
	a.keyword == "RUN"
	b.keyword == "RUN"
	a.stage == b.stage
	lib.in_final_image(a)
}

mergeable(a, b) if {
	a.keyword in {"COPY", "ADD"}
	b.keyword == a.keyword
	a.stage == b.stage
	lib.in_final_image(a)
	a.flags == b.flags
	a.args[count(a.args) - 1] == b.args[count(b.args) - 1]
}
