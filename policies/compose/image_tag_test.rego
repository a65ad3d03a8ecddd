package container_policy.rules.compose.image_tag_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.image_tag as rule

img(raw, tag, digest) := {"raw": raw, "registry": "docker.io", "repository": "library/x", "tag": tag, "digest": digest, "path": ["services", "web", "image"]}

test_untagged_and_latest_are_caught if {
	every image in [img("nginx", null, null), img("nginx:latest", "latest", null)] {
		t.paths(rule.findings) == {["services", "web", "image"]} with input as t.doc([t.svc("web", {"image": image})])
	}
}

test_pinned_unresolved_and_build_only_are_not_caught if {
	every image in [img("nginx:1.27", "1.27", null), img("nginx", null, "sha256:abc"), null] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"image": image})])
	}
	marked := {"unresolved": [{"path": ["services", "web", "image"], "variables": ["IMAGE"]}]}

	# What the loader gives for `nginx:${TAG}` and `${IMAGE}` with the variables unset: compose's blank,
	# marked, so neither is judged as an image without a tag.
	every image in [img("nginx:", null, null), img("", null, null), img("nginx:${TAG}", "${TAG}", null)] {
		count(rule.findings) == 0 with input as object.union(t.doc([t.svc("web", {"image": image})]), marked)
	}
}

# The name a build gives its image is not pulled with `pull_policy: build`; with any other policy,
# or none, compose pulls the name first and builds only when that fails, so it is judged.
test_image_named_for_a_build_only_with_pull_policy_build if {
	built := {"image": img("myapp", null, null), "build": true}
	count(rule.findings) == 0 with input as t.doc([t.svc("web", object.union(built, {"pull_policy": "build"}))])
	every policy in [null, "missing", "always"] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", object.union(built, {"pull_policy": policy}))])
	}
	count(rule.findings) == 1 with input as t.doc([t.svc("web", {"image": img("myapp", null, null), "pull_policy": "build"})])
}
