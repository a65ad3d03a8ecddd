package container_policy.rules.compose.sensitive_mount_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.sensitive_mount as rule

# A bind as the loader normalises it: `host_path` is the source cleaned (src/parse/compose/host-path.ts).
mount(source, target) := cleaned_mount(source, source, target)

cleaned_mount(source, host_path, target) := {
	"type": "bind", "source": source, "target": target, "read_only": false, "propagation": "",
	"host_path": host_path, "path": ["services", "web", "volumes", 0],
}

test_sensitive_paths_are_caught if {
	every source in ["/", "/etc", "/proc/1", "/usr/lib"] {
		count(rule.findings) == 1 with input as t.doc([t.svc("web", {"volumes": [mount(source, "/x")]})])
	}
}

test_the_cleaned_path_is_judged_and_the_written_one_named if {
	rule.findings == {{
		"msg": "Service \"web\" mounts the host path \"/tmp/..\" (resolves to /, under /) at \"/h\"",
		"path": ["services", "web", "volumes", 0],
	}} with input as t.doc([t.svc("web", {"volumes": [cleaned_mount("/tmp/..", "/", "/h")]})])
	count(rule.findings) == 1 with input as t.doc([t.svc("web", {"volumes": [cleaned_mount("../../../../etc", "/etc", "/h")]})])
}

test_message_names_the_path if {
	rule.findings == {{
		"msg": "Service \"web\" mounts the host path \"/etc\" (under /etc) at \"/host-etc\"",
		"path": ["services", "web", "volumes", 0],
	}} with input as t.doc([t.svc("web", {"volumes": [mount("/etc", "/host-etc")]})])
}

test_other_paths_are_not_caught if {
	every source in ["./etc", "/etcetera", "/srv/data", "./data"] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"volumes": [mount(source, "/x")]})])
	}
}

test_named_volumes_are_not_caught if {
	v := object.union(mount("etc", "/x"), {"type": "volume", "host_path": null})
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"volumes": [v]})])
}

test_the_list_is_configurable if {
	count(rule.findings) == 1 with input as t.doc([t.svc("web", {"volumes": [mount("/srv/data", "/x")]})])
		with data.container_policy.settings as {"compose.sensitive_host_paths": ["/srv"]}
}

test_named_volume_binding_a_sensitive_directory_is_caught if {
	v := object.union(mount("conf", "/x"), {"type": "volume", "host_path": "/etc/ssl"})
	rule.findings == {{
		"msg": "Service \"web\" mounts the host path \"/etc/ssl\" (under /etc) at \"/x\" through the named volume \"conf\"",
		"path": ["services", "web", "volumes", 0],
	}} with input as t.doc([t.svc("web", {"volumes": [v]})])
}

test_named_volume_binding_an_ordinary_directory_is_not_caught if {
	v := object.union(mount("data", "/x"), {"type": "volume", "host_path": "/srv/data"})
	count(rule.findings) == 0 with input as t.doc([t.svc("web", {"volumes": [v]})])
}

# One finding per mount: the socket, or the directory that holds it, is CPC002's, under its own
# controls (CIS 5.32 rather than 5.6).
test_docker_socket_left_to_cpc002 if {
	every source in ["/var/run/docker.sock", "/run/docker.sock", "/var/run", "/run/user/1000/docker.sock"] {
		count(rule.findings) == 0 with input as t.doc([t.svc("web", {"volumes": [mount(source, "/x")]})])
	}
	count(rule.findings) == 1 with input as t.doc([t.svc("web", {"volumes": [mount("/var/run/dbus", "/x")]})])
}
