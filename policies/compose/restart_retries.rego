# METADATA
# title: on-failure restart policy is not limited to 5 retries
# description: >-
#   A service restarts `on-failure` without a retry limit, or with more retries than
#   `compose.max_restart_retries` (5): a crashing container restarts endlessly, hiding the
#   failure and wasting the host. `restart` and `deploy.restart_policy` are judged each, since
#   different tools apply different ones.
# custom:
#   id: CPC017
#   severity: warn
#   remediation: >-
#     Use `restart: on-failure:5` or `deploy.restart_policy: {condition: on-failure,
#     max_attempts: 5}`.
#   compliance:
#     cis-docker: ["5.15"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D07"]
#     pci-dss: ["2.2.6"]
#     soc2: ["A1.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["2fc99041-ddad-49d5-853f-e35e70a48391"]
#     checkov: []
package container_policy.rules.compose.restart_retries

import data.container_policy.lib.compose as lib
import data.container_policy.lib.settings

findings contains finding if {
	some name, svc in lib.normalised
	some policy in lib.restart_policies(svc)
	policy.name == "on-failure"
	not within_limit(policy.max_retries)
	finding := {
		"msg": sprintf("Service \"%s\" restarts on failure with %s retries (at most %d allowed)", [name, retries(policy.max_retries), settings.value("compose.max_restart_retries")]),
		"path": policy.path,
	}
}

within_limit(n) if {
	is_number(n)
	n > 0
	n <= settings.value("compose.max_restart_retries")
}

retries(n) := "unlimited" if not is_number(n)

retries(n) := sprintf("%d", [n]) if is_number(n)
