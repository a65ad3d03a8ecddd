# METADATA
# title: Service turns TLS verification off through its environment
# description: >-
#   A service's `environment` sets a variable that turns a tool's certificate verification off
#   (`NODE_TLS_REJECT_UNAUTHORIZED: "0"`, `GIT_SSL_NO_VERIFY`, `PYTHONHTTPSVERIFY: "0"`,
#   `PIP_TRUSTED_HOST`, `GOINSECURE`, `NPM_CONFIG_STRICT_SSL: "false"`): every connection the
#   process makes with it accepts any server that answers, so a network attacker can read and
#   change its traffic. The same variables in a Dockerfile are CPD027.
# custom:
#   id: CPC040
#   severity: deny
#   remediation: >-
#     Remove the variable and fix the certificate problem: mount the CA bundle the service needs
#     (`NODE_EXTRA_CA_CERTS`, `SSL_CERT_FILE`, `PIP_CERT`) instead of turning verification off.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.7"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.tls_verification_disabled

import data.container_policy.lib.compose as lib
import data.container_policy.lib.tls_variables

findings contains finding if {
	some name, svc in lib.normalised
	some variable, entry in svc.environment
	is_string(entry.value)
	not lib.unresolved_at(entry.path)
	tool := tls_variables.tool_turned_off(variable, entry.value)
	finding := {
		"msg": lib.service_message(name, concat("", ["sets ", variable, "=", entry.value, ", which turns TLS verification off for ", tool])),
		"path": entry.path,
	}
}
