# METADATA
# title: RUN --security=insecure
# description: >-
#   `RUN --security=insecure` runs the step without the sandbox, with all capabilities, like a
#   privileged container; whatever the step executes can take over the build host.
# custom:
#   id: CPD036
#   severity: deny
#   remediation: >-
#     Remove `--security=insecure`; if a step truly needs a privilege, find the specific
#     capability-free alternative or run that build on an isolated builder.
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.run_security_insecure

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["RUN"])
	lib.flag_value(ins, "security") == "insecure"
	finding := lib.at_instruction(ins, "RUN --security=insecure runs the step outside the build sandbox")
}
