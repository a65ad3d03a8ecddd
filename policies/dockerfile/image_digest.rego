# METADATA
# title: Base image is not pinned by digest
# description: >-
#   A stage's base image is referenced by tag only. A tag can be moved to different content at
#   any time; only a digest (`@sha256:...`) names exactly the bytes that were reviewed. None of
#   hadolint, Trivy, KICS or Checkov checks this. Stages built on another stage, `scratch` and
#   unresolved bases are not checked.
# custom:
#   id: CPD003
#   severity: warn
#   remediation: >-
#     Append the digest of the reviewed image, e.g. `FROM node:20.11-alpine3.19@sha256:<digest>`
#     (from `docker buildx imagetools inspect node:20.11-alpine3.19`), and let a dependency bot
#     update it.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.image_digest

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some stage in input.stages
	is_object(stage.image)
	stage.baseStage == null
	not stage.baseUnresolved
	stage.image.digest == null
	finding := lib.at_from(stage, concat("", ["Stage ", lib.stage_name(stage), " uses image \"", stage.image.raw, "\" without a digest, so the tag can be moved to other content"]))
}
