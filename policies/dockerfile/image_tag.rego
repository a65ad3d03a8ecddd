# METADATA
# title: Base image is not pinned to a version
# description: >-
#   A stage's base image has no tag and no digest, or uses the tag "latest". Docker then pulls
#   whatever the registry currently points that name at, so two builds of the same commit can
#   produce different images and an upstream change lands without review. Stages built on another
#   stage, `scratch`, and bases whose build arguments cannot be resolved are not checked.
# custom:
#   id: CPD001
#   severity: deny
#   remediation: >-
#     Name an explicit version tag in FROM, e.g. `FROM node:20.11-alpine3.19`, or pin the exact
#     image by digest, e.g. `FROM node:20.11-alpine3.19@sha256:<digest>`, and let a dependency bot
#     propose updates.
#   compliance:
#     cis-docker: ["4.2"]
#     nist-800-190: ["4.1.1", "4.1.5", "4.2.2"]
#     owasp-docker: ["D08"]
#     pci-dss: ["2.2.1", "6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: ["DL3006", "DL3007"]
#     trivy: ["AVD-DS-0001"]
#     kics: ["9efb0b2d-89c9-41a3-91ca-dcc0aec911fd", "f45ea400-6bbe-4501-9fc7-1c3d75c32067"]
#     checkov: ["CKV_DOCKER_7"]
package container_policy.rules.dockerfile.image_tag

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some stage in input.stages
	is_object(stage.image)
	stage.baseStage == null
	not stage.baseUnresolved
	problem := unpinned(stage.image)
	finding := {
		"msg": concat("", ["Stage ", lib.stage_name(stage), " uses image \"", stage.image.raw, "\" ", problem]),
		"startLine": stage.fromLine,
		"endLine": stage.fromLine,
	}
}

# A digest pins the image whatever the tag says, so both cases require its absence.
unpinned(image) := "with no tag or digest, so Docker pulls whatever \"latest\" currently is" if {
	image.tag == null
	image.digest == null
}

unpinned(image) := "with the mutable tag \"latest\"" if {
	image.tag == "latest"
	image.digest == null
}
