# METADATA
# title: Port 22 exposed
# description: >-
#   EXPOSE 22 suggests the container runs an SSH server, which widens the attack surface and
#   bypasses `docker exec` auditing (CIS 5.7).
# custom:
#   id: CPD039
#   severity: warn
#   remediation: >-
#     Remove EXPOSE 22 and the SSH server; use `docker exec` or `kubectl exec` to get into a
#     container.
#   compliance:
#     cis-docker: ["5.7"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.4"]
#     soc2: ["CC6.6"]
#   aliases:
#     hadolint: []
#     trivy: ["AVD-DS-0004"]
#     kics: ["5907595b-5b6d-4142-b173-dbb0e73fbff8"]
#     checkov: ["CKV_DOCKER_1"]
package container_policy.rules.dockerfile.expose_ssh

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["EXPOSE"])
	some port in ins.args
	split(port, "/")[0] == "22"
	finding := lib.at_instruction(ins, "EXPOSE 22: the image exposes SSH")
}
