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
	count(users[source]) > 1
	writable[source]
	finding := {
		"msg": concat("", ["Service \"", name, "\" shares ", describe(volume), " with ", others(source, name)]),
		"path": volume.path,
	}
}

# How many of the other services a message names. Naming them all would make the messages of n
# services sharing one volume grow with n², and a compose file of 2,000 such services ran the
# module out of memory.
named_others := 10

# The services of each source in order, sorted once per source rather than once per mount.
sorted_users[source] := sort(names) if some source, names in users

# The other services sharing `source` with `name`, quoted, the first few by name and a count of the rest.
others(source, name) := text if {
	names := sorted_users[source]
	first := [concat("", ["\"", n, "\""]) | some n in array.slice(names, 0, named_others + 1); n != name]
	rest := (count(names) - 1) - named_others
	text := concat("", [concat(", ", array.slice(first, 0, named_others)), more(rest)])
}

more(rest) := "" if rest <= 0

more(rest) := concat("", [" and ", format_int(rest, 10), " more"]) if rest > 0

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
