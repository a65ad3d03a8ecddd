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
series_starts := [i | some i, joined in joins; joined; not joined_before[i]]

series_ends := [j | some j, joined in joins; not joined; joined_before[j]]

# Whether each instruction could be merged with the one after it, by position: tested once each.
# The pairs come from walking the instructions from the second on beside their predecessors, and
# `joined_before` is `joins` shifted by one: no `k + 1` or `i - 1` per instruction, because numbers
# in the Wasm runtime are decimals and every sum allocates (the last instruction joins nothing).
joins := array.concat(
	[continues(input.instructions[k], b) | some k, b in array.slice(input.instructions, 1, count(input.instructions))],
	[false],
)

joined_before := array.concat([false], joins)

continues(a, b) if {
	mergeable(a, b)
} else := false

mergeable(a, b) if {
	a.keyword == "RUN"
	b.keyword == "RUN"
	a.stage == b.stage
	lib.in_final_image(a)
}

mergeable(a, b) if {
	b.keyword == a.keyword
	copy_keyword(a.keyword)
	a.stage == b.stage
	lib.in_final_image(a)
	a.flags == b.flags
	a.args[count(a.args) - 1] == b.args[count(b.args) - 1]
}

# Two comparisons, rather than a set built for every document to look the keyword up in.
copy_keyword("COPY")

copy_keyword("ADD")
