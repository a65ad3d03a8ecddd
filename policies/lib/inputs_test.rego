# Builders for the input documents the rule tests use. The `_test.rego` suffix keeps this file out
# of the Wasm bundle. Defaults follow src/parse/input-document.ts; tests give only what they check.
package container_policy.lib.inputs_test

# A Dockerfile document; the last stage is the final one, as the parser marks it.
dockerfile(stages, instructions) := {
	"kind": "dockerfile",
	"path": "Dockerfile",
	"stages": [object.union(stage_defaults(i, count(stages)), s) | some i, s in stages],
	"instructions": [object.union({"index": i, "flags": {}}, ins) | some i, ins in instructions],
	"finalStage": count(stages) - 1,
}

stage_defaults(i, n) := {
	"index": i,
	"name": null,
	"baseStage": null,
	"baseUnresolved": false,
	"image": null,
	"isFinal": i == (n - 1),
}

# An image reference as the parser splits it; repository and registry do not matter to the rules.
image(raw, tag, digest) := {"raw": raw, "registry": "docker.io", "repository": "library/x", "tag": tag, "digest": digest}

instruction(keyword, args, stage, line) := {
	"keyword": keyword,
	"args": args,
	"value": concat(" ", args),
	"startLine": line,
	"endLine": line,
	"stage": stage,
}

compose(services) := {"kind": "compose", "path": "compose.yaml", "data": {"services": services}}
