# The benchmark's compose subset for conftest, over the YAML as conftest reads it (no interpolation,
# extends or override files): the same checks as the built-in rules privileged and docker_socket.
package compose

import rego.v1

deny contains msg if {
	some name, service in input.services
	service.privileged == true
	msg := sprintf("Service %q runs privileged", [name])
}

deny contains msg if {
	some name, service in input.services
	some volume in service.volumes
	source := host_source(volume)
	exposes_socket(source)
	msg := sprintf("Service %q mounts %q, which controls the Docker daemon", [name, source])
}

host_source(volume) := split(volume, ":")[0] if {
	is_string(volume)
	contains(volume, ":")
}

host_source(volume) := volume.source if is_string(volume.source)

exposes_socket(source) if regex.match(`/docker\.sock/*$`, source)

exposes_socket(source) if regex.match(`^/+(var/+)?run/*$`, source)
