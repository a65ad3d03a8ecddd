package container_policy.rules.compose.docker_socket_test

import data.container_policy.lib.compose as lib
import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.docker_socket

# A normalised mount: the loader gives `host_path`, the cleaned host directory (null for none).
mount(type, source, host_path, index) := {
	"type": type, "source": source, "target": "/sock", "read_only": false, "propagation": "",
	"host_path": host_path, "path": ["services", "agent", "volumes", index],
}

with_volumes(volumes) := t.doc([t.svc("agent", {"volumes": volumes})])

test_bind_is_caught_at_the_entry if {
	doc := with_volumes([mount("bind", "./data", "./data", 0), mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", 1)])
	docker_socket.findings == {{
		"msg": "Service \"agent\" mounts \"/var/run/docker.sock\", which gives it control of the host's Docker daemon",
		"path": ["services", "agent", "volumes", 1],
	}} with input as doc
}

test_the_cleaned_path_is_judged_and_named if {
	doc := with_volumes([mount("bind", "/srv/../var/run", "/var/run", 0)])
	docker_socket.findings == {{
		"msg": "Service \"agent\" mounts \"/srv/../var/run\" (resolves to /var/run), which gives it control of the host's Docker daemon",
		"path": ["services", "agent", "volumes", 0],
	}} with input as doc
}

test_socket_locations_are_caught if {
	every host_path in [
		"/var/run/docker.sock",
		"/run/docker.sock",
		"/run/user/1000/docker.sock",
		"${HOME}/.docker/run/docker.sock",
		"./docker.sock",
		"/var/run",
		"/run",
	] {
		count(docker_socket.findings) == 1 with input as with_volumes([mount("bind", host_path, host_path, 0)])
	}
}

test_other_mounts_are_not_caught if {
	doc := with_volumes([
		mount("volume", "", null, 0),
		mount("bind", "./docker.sock.d", "./docker.sock.d", 1),
		mount("bind", "/run/secrets", "/run/secrets", 2),
		mount("bind", "/var/run/postgresql", "/var/run/postgresql", 3),
		mount("volume", "data", null, 4),
		mount("tmpfs", "", null, 5),
	])
	count(docker_socket.findings) == 0 with input as doc
}

test_services_without_volumes_are_not_caught if {
	count(docker_socket.findings) == 0 with input as t.doc([t.svc("web", {})])
}

test_named_volume_binding_the_socket_directory_is_caught if {
	doc := with_volumes([mount("volume", "sock", "/var/run", 0)])
	docker_socket.findings == {{
		"msg": "Service \"agent\" mounts \"/var/run\" through the named volume \"sock\", which gives it control of the host's Docker daemon",
		"path": ["services", "agent", "volumes", 0],
	}} with input as doc
}

# The string tests stand in for `/docker\.sock/*$` and `^/+(var/+)?run/*$`.
test_socket_and_run_directory_forms if {
	every source in ["/var/run/docker.sock", "x/docker.sock//", "/docker.sock", "/run", "//var//run/", "/var/run"] {
		lib.exposes_docker_socket(source)
	}
	every source in ["/var/run/docker.socket", "docker.sock", "run", "/var/run/x", "/varrun", "/var/", "//", "/var/lib/run"] {
		not lib.exposes_docker_socket(source)
	}
}
