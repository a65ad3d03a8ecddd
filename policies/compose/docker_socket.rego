# METADATA
# title: Service mounts the Docker socket
# description: >-
#   A service bind-mounts the Docker daemon's socket (or the host's /run or /var/run directory that
#   holds it). Whoever controls the container can then start a privileged container on the host:
#   the mount is equivalent to root on the host.
# custom:
#   id: CPC002
#   severity: deny
#   remediation: >-
#     Remove the socket from `volumes`. If the service must talk to Docker, put a proxy that allows
#     only the needed API calls in front of it (read-only where possible), or use a rootless daemon
#     dedicated to that service.
#   compliance:
#     cis-docker: ["5.32"]
#     nist-800-190: ["4.5.5"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b"]
#     checkov: []
package container_policy.rules.compose.docker_socket

import data.container_policy.lib.compose as lib

# The mount's host path is cleaned by the loader (`/srv/../var/run` is /var/run, `..` above the
# repository reaches /); the message quotes the source as written.
findings contains finding if {
	some name, svc in lib.normalised
	some volume in svc.volumes
	is_string(volume.host_path)
	lib.exposes_docker_socket(volume.host_path)
	finding := {
		"msg": message(name, volume),
		"path": volume.path,
	}
}

message(name, volume) := sprintf("Service \"%s\" mounts \"%s\"%s, which gives it control of the host's Docker daemon", [name, volume.source, resolved(volume)]) if {
	volume.type == "bind"
}

# A named volume that binds the socket's directory (local driver, `o: bind`, `device: /var/run`).
message(name, volume) := sprintf("Service \"%s\" mounts \"%s\" through the named volume \"%s\", which gives it control of the host's Docker daemon", [name, volume.host_path, volume.source]) if {
	volume.type != "bind"
}

resolved(volume) := "" if not lib.host_path_rewritten(volume.source, volume.host_path)

resolved(volume) := sprintf(" (resolves to %s)", [volume.host_path]) if lib.host_path_rewritten(volume.source, volume.host_path)
