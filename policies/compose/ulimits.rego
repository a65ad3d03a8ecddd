# METADATA
# title: Service overrides the default ulimits
# description: >-
#   A service sets `ulimits`, replacing the limits the daemon gives every container. Raising them
#   (open files, processes, locked memory, core dumps) lets one container take more of the host
#   than its neighbours; CIS asks that the defaults be overridden only where needed.
# custom:
#   id: CPC035
#   severity: warn
#   remediation: >-
#     Remove the `ulimits` entry, or keep it with the smallest values the service needs and exclude
#     the service from this rule in the configuration, saying why.
#   compliance:
#     cis-docker: ["5.19"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D07"]
#     pci-dss: ["2.2.6"]
#     soc2: ["A1.2"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.ulimits

import data.container_policy.lib.compose as lib

# One finding per overridden limit, at its key.
findings contains finding if {
	some name, svc in lib.normalised
	some limit, value in svc.ulimits
	finding := {
		"msg": sprintf("Service \"%s\" overrides the default ulimit %s (soft %s, hard %s)", [name, limit, show(value.soft), show(value.hard)]),
		"path": value.path,
	}
}

show(n) := "unlimited" if n == -1

show(n) := sprintf("%d", [n]) if {
	is_number(n)
	n != -1
}

show(n) := "unknown" if not is_number(n)
