package container_policy.rules.dockerfile.root_user_test

import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.root_user

alpine := t.image("alpine:3.20", "3.20", null)

single_stage(instructions) := t.dockerfile([{"fromLine": 1, "image": alpine}], instructions)

test_no_user_is_caught_at_from_line if {
	root_user.findings == {{
		"msg": "Final stage 0 and the stages it is built from set no USER, so the image runs as root",
		"startLine": 1,
		"endLine": 1,
	}} with input as single_stage([t.instruction("RUN", ["apk", "add", "curl"], 0, 2)])
}

test_last_user_root_is_caught_at_user_line if {
	doc := single_stage([
		t.instruction("USER", ["app"], 0, 2),
		t.instruction("USER", ["root"], 0, 3),
	])
	root_user.findings == {{
		"msg": "Final stage 0 runs as root: the USER in effect is \"root\"",
		"startLine": 3,
		"endLine": 3,
	}} with input as doc
}

test_root_spellings_are_caught if {
	every user in ["root", "0", "00", "root:root", "0:0", "root:wheel"] {
		count(root_user.findings) == 1 with input as single_stage([t.instruction("USER", [user], 0, 2)])
	}
}

test_non_root_users_are_not_caught if {
	every user in ["app", "10001", "10001:10001", "nobody:nogroup", "rooter", "10", "$APP_UID", ":root"] {
		count(root_user.findings) == 0 with input as single_stage([t.instruction("USER", [user], 0, 2)])
	}
}

test_root_then_non_root_is_not_caught if {
	doc := single_stage([
		t.instruction("USER", ["root"], 0, 2),
		t.instruction("RUN", ["apk", "add", "curl"], 0, 3),
		t.instruction("USER", ["app"], 0, 4),
	])
	count(root_user.findings) == 0 with input as doc
}

# The field's most common false positive: a root builder stage with a non-root final stage.
test_builder_stage_is_never_caught if {
	doc := t.dockerfile(
		[
			{"name": "build", "fromLine": 1, "image": t.image("golang:1.22", "1.22", null)},
			{"fromLine": 4, "image": alpine},
		],
		[
			t.instruction("USER", ["root"], 0, 2),
			t.instruction("USER", ["app"], 1, 5),
		],
	)
	count(root_user.findings) == 0 with input as doc
}

test_non_root_builder_does_not_cover_unrelated_final_stage if {
	doc := t.dockerfile(
		[
			{"name": "build", "fromLine": 1, "image": t.image("golang:1.22", "1.22", null)},
			{"name": "app", "fromLine": 4, "image": alpine},
		],
		[t.instruction("USER", ["app"], 0, 2)],
	)
	some finding in root_user.findings with input as doc
	finding.startLine == 4
	finding.msg == "Final stage \"app\" and the stages it is built from set no USER, so the image runs as root"
}

# USER carries over through `FROM <stage>`, across several hops.
inherited(base_user) := t.dockerfile(
	[
		{"name": "base", "fromLine": 1, "image": alpine},
		{"name": "deps", "fromLine": 3, "baseStage": 0},
		{"name": "other", "fromLine": 5, "image": alpine},
		{"name": "app", "fromLine": 7, "baseStage": 1},
	],
	[
		t.instruction("USER", [base_user], 0, 2),
		t.instruction("USER", ["root"], 2, 6),
		t.instruction("CMD", ["./app"], 3, 8),
	],
)

test_inherited_non_root_user_is_not_caught if {
	count(root_user.findings) == 0 with input as inherited("app")
}

test_inherited_root_user_is_caught_at_its_user_line if {
	root_user.findings == {{
		"msg": "Final stage \"app\" runs as root: the USER in effect is \"root\", set in stage \"base\"",
		"startLine": 2,
		"endLine": 2,
	}} with input as inherited("root")
}

test_final_stage_user_overrides_inherited_root if {
	doc := t.dockerfile(
		[
			{"name": "base", "fromLine": 1, "image": alpine},
			{"fromLine": 3, "baseStage": 0},
		],
		[
			t.instruction("USER", ["root"], 0, 2),
			t.instruction("USER", ["10001"], 1, 4),
		],
	)
	count(root_user.findings) == 0 with input as doc
}

test_empty_dockerfile_is_not_caught if {
	count(root_user.findings) == 0 with input as t.dockerfile([], [])
}

# The parser's `user` is the USER with its variables expanded (`ARG U=root`, `USER $U`).
expanded_user(written, user) := object.union(t.instruction("USER", [written], 0, 3), {"user": user})

test_user_expanded_to_root_is_caught if {
	root_user.findings == {{
		"msg": "Final stage 0 runs as root: the USER in effect is \"root\" (written \"$U\")",
		"startLine": 3,
		"endLine": 3,
	}} with input as single_stage([expanded_user("$U", "root")])
}

test_user_expanded_to_non_root_is_not_caught if {
	every user in ["10001", "app:app"] {
		count(root_user.findings) == 0 with input as single_stage([expanded_user("${U}", user)])
	}
}

# The parser's expansion wins over the word as written, either way.
test_expansion_decides_over_the_written_word if {
	count(root_user.findings) == 0 with input as single_stage([expanded_user("\"root\"", "10001")])
	count(root_user.findings) == 1 with input as single_stage([expanded_user("\"root\"", "root")])
}

test_user_unknown_before_the_build_is_caught if {
	root_user.findings == {{
		"msg": "Final stage 0 may run as root: the USER in effect, \"$U\", depends on a value not known before the build (an ARG without a default, which --build-arg sets), so it could not be judged",
		"startLine": 3,
		"endLine": 3,
	}} with input as single_stage([expanded_user("$U", null)])
}

test_unknown_user_overridden_later_is_not_caught if {
	doc := single_stage([
		expanded_user("$U", null),
		object.union(t.instruction("USER", ["10001"], 0, 4), {"user": "10001"}),
	])
	count(root_user.findings) == 0 with input as doc
}

test_inherited_unknown_user_names_its_stage if {
	doc := t.dockerfile(
		[
			{"name": "base", "fromLine": 1, "image": alpine},
			{"fromLine": 3, "baseStage": 0},
		],
		[object.union(t.instruction("USER", ["$U"], 0, 2), {"user": null})],
	)
	some finding in root_user.findings with input as doc
	endswith(finding.msg, "so it could not be judged, set in stage \"base\"")
}
