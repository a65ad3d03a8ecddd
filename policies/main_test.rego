package container_policy.main_test

import data.container_policy.lib.compose_inputs_test as c
import data.container_policy.lib.inputs_test as t
import data.container_policy.main

unpinned_root := t.dockerfile([{"fromLine": 1, "image": t.image("node", null, null)}], [])

# Every rule package is asked: with each one stubbed to find something, each one answers.
test_dockerfile_asks_every_dockerfile_rule if {
	stubs := {name: {"findings": {{"msg": name}}} |
		some name, _ in data.container_policy.rules.dockerfile
		not endswith(name, "_test")
	}
	count(stubs) > 50
	result := main.dockerfile with input as unpinned_root with data.container_policy.rules.dockerfile as stubs
	result == {name: [{"msg": name}] | some name, _ in stubs}
}

test_dockerfile_lists_rules_with_findings if {
	result := main.dockerfile with input as unpinned_root
	count(result.image_tag) == 1
	count(result.root_user) == 1
	is_array(result.root_user)
	not result.copy_without_chown # found nothing here, so left out
}

test_clean_dockerfile_has_no_rules_listed if {
	doc := t.dockerfile(
		[{"fromLine": 1, "image": t.image("node:20", "20", null)}],
		[t.instruction("USER", ["node"], 0, 2)],
	)
	result := main.dockerfile with input as doc
	not result.image_tag
	not result.root_user
}

test_compose_asks_every_compose_rule if {
	stubs := {name: {"findings": {{"msg": name}}} |
		some name, _ in data.container_policy.rules.compose
		not endswith(name, "_test")
	}
	count(stubs) > 20
	result := main.compose with input as t.compose({}) with data.container_policy.rules.compose as stubs
	result == {name: [{"msg": name}] | some name, _ in stubs}
}

test_compose_lists_rules_with_findings if {
	socket := {
		"type": "bind", "source": "/var/run/docker.sock", "target": "/sock", "read_only": false,
		"propagation": "", "host_path": "/var/run/docker.sock", "path": ["services", "web", "volumes", 0],
	}
	doc := c.doc([c.svc("web", {"privileged": true, "volumes": [socket]})])
	result := main.compose with input as doc
	result.privileged[0].path == ["services", "web", "privileged"]
	result.docker_socket[0].path == ["services", "web", "volumes", 0]
	every findings in result {
		count(findings) > 0
	}
}

test_entrypoints_are_undefined_for_another_kind if {
	not main.compose with input as unpinned_root
	not main.dockerfile with input as t.compose({})
}
