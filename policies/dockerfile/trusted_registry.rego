# METADATA
# title: Base image comes from a registry that is not trusted
# description: >-
#   A stage's base image is pulled from a registry outside the trusted list (setting
#   `dockerfile.trusted_registries`; by default the large public registries). An image from an
#   unknown registry has no provenance the team has vetted.
# custom:
#   id: CPD004
#   severity: deny
#   remediation: >-
#     Pull the base image from a trusted registry (mirror it there if needed), or add the
#     registry to the `dockerfile.trusted_registries` setting after review.
#   compliance:
#     cis-docker: ["4.2"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["2.2.1"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3026"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.trusted_registry

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.settings

findings contains finding if {
	some stage in input.stages
	is_object(stage.image)
	not stage.image.registry in settings.value("dockerfile.trusted_registries")
	finding := lib.at_from(stage, concat("", ["Stage ", lib.stage_name(stage), " pulls \"", stage.image.raw, "\" from registry \"", stage.image.registry, "\", which is not in dockerfile.trusted_registries"]))
}
