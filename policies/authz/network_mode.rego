# METADATA
# title: Blocked network mode
# description: >-
#   The container, or the RUN steps of an image build, use a network mode the policy blocks, by
#   default the host's network stack: its loopback services and the cloud metadata endpoint are
#   then in reach of whatever the container or the build step runs.
# custom:
#   id: CPA009
#   severity: deny
#   remediation: >-
#     Use a project network (remove `network_mode: host`) and publish only the ports needed; build
#     without `--network host`, and fetch what a build step needs before the build.
#   compliance:
#     cis-docker: ["5.10"]
#     nist-800-190: ["4.4.2"]
#     owasp-docker: ["D03"]
#     pci-dss: ["2.2.6", "7.2.1"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.network_mode

import data.docker.authz.lib

category := "network"

severity := "high"

deny contains msg if {
	lib.is_create
	mode := object.get(lib.host_config, "NetworkMode", "")
	mode in lib.setting("network_mode.blocked")
	msg := sprintf("network mode %s is not allowed", [mode])
}

# A build's network mode, from the `networkmode` query of `POST /build`. Builds that buildx sends to
# the daemon's BuildKit over `/grpc` carry it inside the gRPC stream, which authorization plugins are
# not shown; CPD072 and CPC044 find those in the Dockerfile and compose file instead.
deny contains msg if {
	lib.is_build
	some mode in lib.query("networkmode")
	mode in lib.setting("network_mode.blocked")
	msg := sprintf("build network mode %s is not allowed", [mode])
}
