# METADATA
# title: Mount propagation is shared
# description: >-
#   A bind mount uses `shared` or `rshared` propagation: mounts made inside the container appear
#   on the host and the other way round.
# custom:
#   id: CPC006
#   severity: deny
#   remediation: >-
#     Remove the propagation option (the default is `rprivate`), or use `slave`/`rslave` if the
#     container must see host mounts.
#   compliance:
#     cis-docker: ["5.20"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["baa452f0-1f21-4a25-ace5-844e7a5f410d"]
#     checkov: []
package container_policy.rules.compose.mount_propagation

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	some volume in svc.volumes
	volume.propagation in {"shared", "rshared"}
	finding := {
		"msg": sprintf("Service \"%s\" mounts \"%s\" with %s propagation", [name, volume.target, volume.propagation]),
		"path": volume.path,
	}
}
