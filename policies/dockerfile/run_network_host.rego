# METADATA
# title: RUN --network=host
# description: >-
#   `RUN --network=host` runs the step in the build host's network namespace instead of the
#   build's own: it can reach services that listen only on the host's loopback interface, the
#   cloud instance's metadata endpoint and the private networks the builder sits on, so a
#   compromised dependency the step runs can read credentials no container should see.
# custom:
#   id: CPD072
#   severity: warn
#   remediation: >-
#     Remove `--network=host` and let the step use the build's default network; fetch what it
#     needs through a proxy or a build secret, or with `--network=none` once the inputs are
#     downloaded by an earlier step.
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
package container_policy.rules.dockerfile.run_network_host

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["RUN"])
	lower(lib.flag_value(ins, "network")) == "host"
	finding := lib.at_instruction(ins, "RUN --network=host runs the step in the build host's network namespace")
}
