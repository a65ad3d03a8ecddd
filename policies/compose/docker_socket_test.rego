package container_policy.rules.compose.docker_socket_test

import data.container_policy.lib.compose_inputs_test as ti
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.compose.docker_socket

with_volumes(volumes) := t.compose({"agent": {"image": "ci-agent:2.1", "volumes": volumes}})

test_short_syntax_is_caught_at_the_entry if {
	doc := with_volumes(["./data:/data", "/var/run/docker.sock:/var/run/docker.sock:ro"])
	docker_socket.findings == {{
		"msg": "Service \"agent\" mounts \"/var/run/docker.sock\", which gives it control of the host's Docker daemon",
		"path": ["services", "agent", "volumes", 1],
	}} with input as doc
}

test_long_syntax_is_caught if {
	doc := with_volumes([{"type": "bind", "source": "/run/docker.sock", "target": "/var/run/docker.sock"}])
	some finding in docker_socket.findings with input as doc
	finding.path == ["services", "agent", "volumes", 0]
}

test_socket_locations_are_caught if {
	every source in [
		"/var/run/docker.sock",
		"/run/docker.sock",
		"//var/run/docker.sock",
		"/run/user/1000/docker.sock",
		"${HOME}/.docker/run/docker.sock",
		"/var/run",
		"/run/",
	] {
		count(docker_socket.findings) == 1 with input as with_volumes([concat(":", [source, "/sock"])])
	}
}

test_other_mounts_are_not_caught if {
	doc := with_volumes([
		"/var/run/docker.sock",
		"./docker.sock.d:/etc/conf",
		"/run/secrets:/secrets",
		"/var/run/postgresql:/var/run/postgresql",
		"data:/var/run/docker.sock",
		{"type": "volume", "source": "data", "target": "/data"},
		{"type": "tmpfs", "target": "/tmp"},
		42,
	])
	count(docker_socket.findings) == 0 with input as doc
}

test_services_without_volumes_are_not_caught if {
	count(docker_socket.findings) == 0 with input as t.compose({"web": {"image": "nginx:1.27"}, "db": {"volumes": null}})
}

test_named_volume_binding_the_socket_directory_is_caught if {
	v := {"type": "volume", "source": "sock", "target": "/var/run", "read_only": false, "propagation": "", "host_path": "/var/run", "path": ["services", "agent", "volumes", 0]}
	doc := object.union(t.compose({"agent": {"image": "ci-agent:2.1"}}), {"services": {"agent": object.union(ti.defaults("agent"), {"volumes": [v]})}})
	docker_socket.findings == {{
		"msg": "Service \"agent\" mounts \"/var/run\" through the named volume \"sock\", which gives it control of the host's Docker daemon",
		"path": ["services", "agent", "volumes", 0],
	}} with input as doc
}

test_named_volume_without_host_path_is_not_caught if {
	v := {"type": "volume", "source": "data", "target": "/data", "read_only": false, "propagation": "", "host_path": null, "path": ["services", "agent", "volumes", 0]}
	doc := object.union(t.compose({"agent": {"image": "ci-agent:2.1"}}), {"services": {"agent": object.union(ti.defaults("agent"), {"volumes": [v]})}})
	count(docker_socket.findings) == 0 with input as doc
}

# The string tests stand in for `/docker\.sock/*$` and `^/+(var/+)?run/*$`.
test_socket_and_run_directory_forms if {
	every source in ["/var/run/docker.sock", "x/docker.sock//", "/docker.sock", "/run", "//var//run/", "/var/run"] {
		docker_socket.exposes_socket(source)
	}
	every source in ["/var/run/docker.socket", "docker.sock", "run", "/var/run/x", "/varrun", "/var/", "//", "/var/lib/run"] {
		not docker_socket.exposes_socket(source)
	}
}
