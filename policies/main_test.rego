package container_policy.main_test

import data.container_policy.lib.inputs_test as t
import data.container_policy.main

unpinned_root := t.dockerfile([{"fromLine": 1, "image": t.image("node", null, null)}], [])

test_dockerfile_lists_every_dockerfile_rule if {
	result := main.dockerfile with input as unpinned_root
	{name | some name, _ in result} == {name | some name, _ in data.container_policy.rules.dockerfile; not endswith(name, "_test")}
	count(result.image_tag) == 1
	count(result.root_user) == 1
	is_array(result.root_user)
}

test_clean_dockerfile_has_empty_lists if {
	doc := t.dockerfile(
		[{"fromLine": 1, "image": t.image("node:20", "20", null)}],
		[t.instruction("USER", ["node"], 0, 2)],
	)
	result := main.dockerfile with input as doc
	result.image_tag == []
	result.root_user == []
}

test_compose_lists_every_compose_rule if {
	doc := t.compose({"web": {"privileged": true, "volumes": ["/var/run/docker.sock:/sock"]}})
	result := main.compose with input as doc
	{name | some name, _ in result} == {name | some name, _ in data.container_policy.rules.compose; not endswith(name, "_test")}
	result.privileged[0].path == ["services", "web", "privileged"]
	result.docker_socket[0].path == ["services", "web", "volumes", 0]
}

test_entrypoints_are_undefined_for_another_kind if {
	not main.compose with input as unpinned_root
	not main.dockerfile with input as t.compose({})
}
