# METADATA
# title: Image comes from a registry that is not allowed
# description: >-
#   A service pulls its image from a registry outside the `compose.allowed_registries` setting.
#   The rule is off while the list is empty (the default).
# custom:
#   id: CPC029
#   severity: deny
#   remediation: >-
#     Use an image from an approved registry (mirror it there), or add the registry to
#     `compose.allowed_registries`.
#   compliance:
#     cis-docker: ["4.2"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.registry_allowed

import data.container_policy.lib.compose as lib
import data.container_policy.lib.settings

findings contains finding if {
	allowed := settings.value("compose.allowed_registries")
	count(allowed) > 0
	some name, svc in lib.normalised
	image := svc.image
	not lib.unresolved_at(image.path)
	not image.registry in allowed
	finding := {
		"msg": sprintf("Service \"%s\" uses image \"%s\" from registry %s, which is not in the allowed list (%s)", [name, image.raw, image.registry, concat(", ", allowed)]),
		"path": image.path,
	}
}
