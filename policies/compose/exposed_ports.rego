# METADATA
# title: Service publishes ports on the host
# description: >-
#   A service publishes ports on the host with `ports:`. Each published port is reachable from
#   outside the project network; check that every one is needed. An entry without a host port
#   (`"5432"`, `target: 6379`) is published too, on a free host port Docker chooses.
# custom:
#   id: CPC034
#   severity: warn
#   remediation: >-
#     Publish only the ports that must be reachable from the host; use `expose:` or the project
#     network for traffic between services.
#   compliance:
#     cis-docker: ["5.9"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["2.2.4"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.exposed_ports

import data.container_policy.lib.compose as lib

# Every `ports` entry publishes: one without a host port gets a free one Docker picks.
findings contains finding if {
	some name, svc in lib.normalised
	published := [shown(p) | some p in svc.ports]
	count(published) > 0
	finding := {
		"msg": lib.service_message(name, concat("", ["publishes ", concat(", ", published), " on the host"])),
		"path": array.concat(svc.path, ["ports"]),
	}
}

shown(p) := concat("", [p.published, "->", p.target, "/", p.protocol]) if p.published != ""

shown(p) := concat("", [p.target, "/", p.protocol, " (on a host port chosen by Docker)"]) if p.published == ""
