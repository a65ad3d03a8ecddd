# METADATA
# title: Service mounts a sensitive host directory
# description: >-
#   A service bind-mounts a host system directory (`/`, `/boot`, `/dev`, `/etc`, `/lib`,
#   `/proc`, `/sys`, `/usr`, ... as configured). A writable mount lets the container change the
#   host; even read-only it exposes host secrets and configuration. The Docker socket, and a `/run`
#   or `/var/run` that holds it, are CPC002's findings and not reported again here.
# custom:
#   id: CPC005
#   severity: deny
#   remediation: >-
#     Mount only the application data the service needs, from a dedicated directory or a named
#     volume. The list of sensitive paths is the `compose.sensitive_host_paths` setting.
#   compliance:
#     cis-docker: ["5.6"]
#     nist-800-190: ["4.5.5"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["1c1325ff-831d-43a1-973e-839ae57dfcc0"]
#     checkov: []
package container_policy.rules.compose.sensitive_mount

import data.container_policy.lib.compose as lib
import data.container_policy.lib.settings

# The loader cleans each mount's host path once (`/tmp/..` is /, `..` above the repository reaches
# /); the message quotes the source as written and, when it differs, what it resolves to.
findings contains finding if {
	some name, svc in lib.normalised
	some volume in svc.volumes
	is_string(volume.host_path)
	not lib.exposes_docker_socket(volume.host_path) # CPC002's, which names the daemon it exposes
	some sensitive in sensitive_host_paths
	under(volume.host_path, sensitive)
	finding := {
		"msg": sprintf("Service \"%s\" mounts the host path \"%s\" (%sunder %s) at \"%s\"%s", [name, written(volume), resolved(volume), sensitive, volume.target, through(volume)]),
		"path": volume.path,
	}
}

# Looked up once per document rather than for every mount.
sensitive_host_paths := settings.value("compose.sensitive_host_paths")

# A bind's source as written; a named volume's host directory (local driver `o: bind`, `device`).
written(volume) := volume.source if volume.type == "bind"

written(volume) := volume.host_path if volume.type != "bind"

resolved(volume) := "" if not lib.host_path_rewritten(written(volume), volume.host_path)

resolved(volume) := sprintf("resolves to %s, ", [volume.host_path]) if lib.host_path_rewritten(written(volume), volume.host_path)

through(volume) := "" if volume.type == "bind"

through(volume) := sprintf(" through the named volume \"%s\"", [volume.source]) if volume.type != "bind"

under(path, dir) if path == dir

under(path, dir) if {
	dir != "/"
	startswith(path, concat("", [dir, "/"]))
}
