package container_policy.rules.dockerfile.image_tag_test

import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.image_tag

one_stage(image) := t.dockerfile([{"fromLine": 2, "image": image}], [])

test_untagged_image_is_caught if {
	image_tag.findings == {{
		"msg": "Stage 0 uses image \"node\" with no tag or digest, so Docker pulls whatever \"latest\" currently is",
		"startLine": 2,
		"endLine": 2,
	}} with input as one_stage(t.image("node", null, null))
}

test_latest_tag_is_caught if {
	some finding in image_tag.findings with input as one_stage(t.image("node:latest", "latest", null))
	finding.msg == "Stage 0 uses image \"node:latest\" with the mutable tag \"latest\""
}

test_version_tag_is_not_caught if {
	count(image_tag.findings) == 0 with input as one_stage(t.image("node:20-alpine", "20-alpine", null))
}

test_digest_is_not_caught if {
	count(image_tag.findings) == 0 with input as one_stage(t.image("node@sha256:ab", null, "sha256:ab"))
}

test_latest_with_digest_is_not_caught if {
	count(image_tag.findings) == 0 with input as one_stage(t.image("node:latest@sha256:ab", "latest", "sha256:ab"))
}

test_scratch_is_not_caught if {
	count(image_tag.findings) == 0 with input as one_stage(null)
}

test_unresolved_base_is_not_caught if {
	doc := t.dockerfile([{"fromLine": 2, "baseRaw": "${BASE}", "baseUnresolved": true}], [])
	count(image_tag.findings) == 0 with input as doc
}

# `FROM build` names a stage, not the image `build:latest`.
test_stage_base_is_not_an_image if {
	doc := t.dockerfile(
		[
			{"name": "build", "fromLine": 1, "image": t.image("golang:1.22", "1.22", null)},
			{"fromLine": 5, "baseStage": 0, "baseRaw": "build"},
		],
		[],
	)
	count(image_tag.findings) == 0 with input as doc
}

test_each_unpinned_stage_is_caught_at_its_from_line if {
	doc := t.dockerfile(
		[
			{"name": "build", "fromLine": 1, "image": t.image("golang", null, null)},
			{"name": "test", "fromLine": 4, "baseStage": 0},
			{"fromLine": 7, "image": t.image("alpine:latest", "latest", null)},
		],
		[],
	)
	lines := {[f.startLine, f.endLine] | some f in image_tag.findings} with input as doc
	lines == {[1, 1], [7, 7]}
}

test_stage_name_is_quoted_in_message if {
	doc := t.dockerfile([{"name": "build", "fromLine": 1, "image": t.image("golang", null, null)}], [])
	some finding in image_tag.findings with input as doc
	startswith(finding.msg, "Stage \"build\" uses image \"golang\"")
}
