# METADATA
# title: Base image is not on the approved list
# description: >-
#   When the setting `dockerfile.approved_base_images` lists images (e.g.
#   `docker.io/library/node`, or a prefix ending in `/`), every stage based on an image must use
#   one of them. Empty (the default) means no restriction.
# custom:
#   id: CPD005
#   severity: deny
#   remediation: >-
#     Base the stage on one of the images in `dockerfile.approved_base_images`, or ask for the
#     image to be approved.
#   compliance:
#     cis-docker: ["4.2"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["2.2.1"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.approved_base_image

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.settings

findings contains finding if {
	approved := settings.value("dockerfile.approved_base_images")
	count(approved) > 0
	some stage in input.stages
	is_object(stage.image)
	name := sprintf("%s/%s", [stage.image.registry, stage.image.repository])
	not matches_any(name, approved)
	finding := lib.at_from(stage, sprintf("Stage %s uses \"%s\" (%s), which is not an approved base image", [lib.stage_name(stage), stage.image.raw, name]))
}

matches_any(name, approved) if name in approved

matches_any(name, approved) if {
	some prefix in approved
	endswith(prefix, "/")
	startswith(name, prefix)
}
