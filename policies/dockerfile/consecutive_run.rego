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
	some k, i in series_starts
	end := series_ends[k]
	a := input.instructions[i]

	# concat and format_int rather than sprintf, a call out of the Wasm module (see lib.stage_name)
	finding := lib.at_instruction(a, concat("", [
		format_int((end - i) + 1, 10), " consecutive ", a.keyword, " instructions (lines ",
		format_int(a.startLine, 10), "-", format_int(input.instructions[end].startLine, 10), ") could be one",
	]))
}

# Positions where each series starts and ends, in file order: the k-th series runs from
# series_starts[k] to series_ends[k]. Found in one pass each over `joins` (looking for the end from
# each start scanned the rest of the file, quadratic in a file of many series).
series_starts := [i | some i, joined in joins; joined; not joins[i - 1]]

series_ends := [j | some j, joined in joins; not joined; joins[j - 1]]

# Whether each instruction could be merged with the one after it, by position: tested once each.
joins := [continues(k) | some k, _ in input.instructions]

continues(k) if {
	k + 1 < count(input.instructions)
	mergeable(input.instructions[k], input.instructions[k + 1])
} else := false

mergeable(a, b) if {
	a.keyword == "RUN"
	b.keyword == "RUN"
	a.stage == b.stage
	lib.in_final_image(a)
}

mergeable(a, b) if {
	a.keyword in copy_keywords
	b.keyword == a.keyword
	a.stage == b.stage
	lib.in_final_image(a)
	a.flags == b.flags
	a.args[count(a.args) - 1] == b.args[count(b.args) - 1]
}

# Named once: a set literal in mergeable would be built for every instruction.
copy_keywords := {"COPY", "ADD"}
