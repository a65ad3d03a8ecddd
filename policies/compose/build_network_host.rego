# METADATA
# title: Service image built on the host's network
# description: >-
#   A service's `build` sets `network: host` or lists the `network.host` entitlement, so the
#   Dockerfile's RUN steps (all of them, or those marked `--network=host`) run in the build
#   host's network namespace: they can reach services that listen only on the host's loopback
#   interface, the cloud instance's metadata endpoint and the private networks the builder sits
#   on, with whatever a compromised dependency brings into the build.
# custom:
#   id: CPC044
#   severity: warn
#   remediation: >-
#     Remove `build.network: host` and the `network.host` entitlement, and any `RUN
#     --network=host` that needs them; fetch what the build needs through a proxy or a build
#     secret on the build's default network.
#   compliance:
#     cis-docker: ["5.10"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["7.2.1"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.build_network_host

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	lower(svc.build_network.value) == "host"
	finding := {
		"msg": lib.service_message(name, "is built with build.network: host, so its RUN steps share the build host's network"),
		"path": svc.build_network.path,
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	some entitlement in svc.build_entitlements
	entitlement.name == "network.host"
	finding := {
		"msg": lib.service_message(name, "is built with the network.host entitlement, so its RUN --network=host steps share the build host's network"),
		"path": entitlement.path,
	}
}
