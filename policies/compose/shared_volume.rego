# METADATA
# title: Volume is shared between services
# description: >-
#   Two or more services mount the same host directory or named volume, and at least one of them
#   can write to it. A compromise of the writer reaches every other service that reads the files
#   (uploaded files served by another container, scripts another one runs), so the isolation
#   between containers is only as strong as the weakest of them.
# custom:
#   id: CPC036
#   severity: warn
#   remediation: >-
#     Give each service its own volume, mount the shared one read-only (`:ro`) wherever the
#     service only reads it, or exclude the services from this rule in the configuration when the
#     sharing is the design.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["8c978947-0ff6-485c-b0c2-0bfca6026466"]
#     checkov: []
package container_policy.rules.compose.shared_volume

import data.container_policy.lib.compose as lib

# One finding per mount of a shared source, at the mount.
findings contains finding if {
	some name, svc in lib.normalised
	some volume in svc.volumes
	source := shared_source(volume)
	others := {other | some other in users[source]; other != name}
	count(others) > 0
	writable[source]
	finding := {
		"msg": concat("", ["Service \"", name, "\" shares ", describe(volume), " with ", concat(", ", sort([concat("", ["\"", o, "\""]) | some o in others]))]),
		"path": volume.path,
	}
}

# Services mounting each source.
users[source] contains name if {
	some name, svc in lib.normalised
	some volume in svc.volumes
	source := shared_source(volume)
}

# Sources some service can write to.
writable[source] if {
	some svc in lib.normalised
	some volume in svc.volumes
	source := shared_source(volume)
	not volume.read_only
}

# What identifies a mount's data: a named volume's name, or a bind's host path without `./` and
# trailing slashes. Anonymous volumes and tmpfs are never shared.
# Keys and messages built with concat rather than sprintf, which is a call out of the Wasm module into
# JavaScript, made here three times for every volume of every service (the parser's sources are strings).
shared_source(volume) := concat("", ["volume:", volume.source]) if {
	volume.type == "volume"
	volume.source != ""
}

shared_source(volume) := concat("", ["bind:", trim_right(trim_prefix(volume.source, "./"), "/")]) if {
	volume.type == "bind"
	volume.source != ""
}

describe(volume) := concat("", ["the volume \"", volume.source, "\""]) if volume.type == "volume"

describe(volume) := concat("", ["the host path \"", volume.source, "\""]) if volume.type == "bind"
