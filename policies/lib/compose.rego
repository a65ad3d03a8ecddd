# Helpers over the compose input document (src/parse/input-document.ts, ComposeDocument).
package container_policy.lib.compose

# `Service "<name>" <text>`, how most compose messages start. Built with concat rather than sprintf:
# sprintf is a call out of the Wasm module into JavaScript, several times the cost, and these
# messages are written for nearly every service.
service_message(name, text) := concat("", ["Service \"", name, "\" ", text])

# The normalised view of each service (input.services, built by src/parse/compose/normalise.ts):
# ports, volumes, limits, restart, ... in one shape whatever syntax the file used.
normalised[name] := svc if {
	is_object(input.services)
	some name, svc in input.services
}

# Whether the value at a data path still holds a variable nothing sets: unknown rather than bad, so
# rules do not judge it. The loader's interpolation marks those values (input.unresolved); the text
# cannot tell, since `$$` has already become a literal `$` there.
# Looked up by key: `x in set` goes through the set in the Wasm module, and asked per service that took
# time in services times marks (5,000 services with variables: 20 s).
unresolved_at(path) if unresolved_paths[path_key(path)]

unresolved_paths contains path_key(u.path) if some u in input.unresolved

# How a message names a value a rule judges: the line a finding is at shows `${PGPASS}` when the value
# came from a variable that a `.env` file or the configuration sets (the loader marks those values:
# input.interpolated), so "literal" would send the reader to the wrong place. The finding's note names
# the file and line that set it.
value_origin(path) := "a value stored in a file" if {
	interpolated_paths[path_key(path)]
} else := "a literal value"

interpolated_paths contains path_key(mark.path) if some mark in input.interpolated

# A data path with every index written as a string, so that the loader's marks and a rule's path match
# whichever way their indices are written.
path_key(path) := [segment(s) | some s in path]

segment(s) := s if is_string(s)

segment(s) := format_int(s, 10) if is_number(s)

# The security_opt entries of a service with the given key (`seccomp`, `apparmor`, `label`, ...).
security_opts(svc, key) := [o | some o in svc.security_opt; o.key == key]

# Every restart policy a service writes (`restart` and `deploy.restart_policy`); documents built
# by hand may carry only the effective one.
restart_policies(svc) := svc.restart_policies if {
	count(svc.restart_policies) > 0
} else := [svc.restart] if {
	is_object(svc.restart)
} else := []

# A resource limit that is set to "unlimited": 0 or a negative number (-1 for pids_limit).
unlimited(limit) if {
	is_number(limit.value)
	limit.value <= 0
}

# Whether cleaning a mount's host path changed more than its trailing slashes: messages then say what
# it resolves to (`/srv/../var/run`), and stay as they were for `/etc/pihole/`.
host_path_rewritten(written, host_path) if trim_right(written, "/") != trim_right(host_path, "/")

# Whether a mount's host path is the Docker daemon's socket at any location (/var/run, /run,
# rootless /run/user/<uid>, Docker Desktop's ~/.docker/run), or a whole directory that holds the
# default one: CPC002 reports such a mount, and CPC005 leaves it to CPC002.
# What `/docker\.sock/*$` and `^/+(var/+)?run/*$` match, tested with string functions: the Wasm
# runtime compiles a pattern anew for every document.
exposes_docker_socket(source) if endswith(trim_right(source, "/"), "/docker.sock")

exposes_docker_socket(source) if {
	below_root := trim_left(source, "/")
	below_root != source
	run_directory(trim_right(below_root, "/"))
}

# `run` or `var/run`, with any number of slashes between the two.
run_directory("run")

run_directory(path) if {
	startswith(path, "var/")
	trim_left(substring(path, 3, -1), "/") == "run"
}
