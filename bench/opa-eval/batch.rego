# Evaluates the built-in policy over every input document of the benchmark in one `opa eval`, so
# OPA's start-up and compilation are paid once: data.bench_inputs holds the documents the project's
# parser produced, and each is evaluated as `input`, exactly as the Wasm entrypoints are.
package bench

# Findings per document, in document order, to compare with the Wasm path's counts.
dockerfile_counts := [total(r) |
	some doc in data.bench_inputs.dockerfile
	r := data.container_policy.main.dockerfile with input as doc
]

compose_counts := [total(r) |
	some doc in data.bench_inputs.compose
	r := data.container_policy.main.compose with input as doc
]

total(by_rule) := sum([count(findings) | some findings in by_rule])
