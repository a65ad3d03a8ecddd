# Entrypoints compiled into the Wasm bundle: one per file kind, each `{<rule_name>: [findings]}` over
# the rule packages under container_policy.rules.<kind> that found something. A new rule file is picked up with no
# change here. Each entrypoint is undefined for another kind of document, so a document routed to
# the wrong entrypoint is an error for the caller rather than a clean result.
package container_policy.main

# A rule that found nothing is left out. A file has findings from a few of ~70 rules, and listing
# the others as empty lists was most of the answer the module wrote out as JSON for the caller to
# parse again: a fifth of the evaluation of a small Dockerfile. (An evaluation that fails fails
# whole, so an empty list never told the caller more than a missing one.)
#
# Each package's `findings` is asked for by path (`rules.dockerfile[name].findings`), which the
# compiler turns into one call per rule. Handing the package tree to a function instead made the
# Wasm module build every package whole, evaluating every helper rule in it, whether any finding
# needed it or not: that was a fifth of the time spent on a small Dockerfile.
#
# Each rule's set as a list, unsorted: `sort` in the Wasm runtime is an insertion sort over deep
# object comparisons, quadratic in the findings of a rule (2,000 per rule on a compose file of 2,000
# services took seconds). The order is still a function of the findings alone (the set's hash order),
# and every report sorts findings itself (src/report/sort-findings.ts).
dockerfile := {name: [f | some f in findings] |
	some name
	findings := data.container_policy.rules.dockerfile[name].findings
	count(findings) > 0
} if input.kind == "dockerfile"

compose := {name: [f | some f in findings] |
	some name
	findings := data.container_policy.rules.compose[name].findings
	count(findings) > 0
} if input.kind == "compose"
