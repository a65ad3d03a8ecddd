# METADATA
# title: CMD or ENTRYPOINT in shell form
# description: >-
#   In shell form the process is started by `/bin/sh -c`, which runs as PID 1 and does not
#   forward signals: `docker stop` waits out its timeout and kills the application without a
#   clean shutdown. A bracketed value that is not valid JSON (`CMD [node, s.js]`) is shell form
#   too. Checked in the stages the shipped image is built from.
# custom:
#   id: CPD044
#   severity: warn
#   remediation: >-
#     Write the JSON (exec) form: `CMD ["node", "server.js"]`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3025"]
#     trivy: []
#     kics: ["b86987e1-6397-4619-81d5-8807f2387c79"]
#     checkov: []
package container_policy.rules.dockerfile.exec_form

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["CMD", "ENTRYPOINT"])
	ins.form == "shell"
	lib.in_final_image(ins)
	finding := lib.at_instruction(ins, concat("", [ins.keyword, " ", ins.value, " is in shell form"]))
}
