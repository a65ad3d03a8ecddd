# METADATA
# title: Image from an untrusted registry
# description: >-
#   The image comes from a registry that is not on the trusted list.
# custom:
#   id: CPA013
#   severity: deny
#   remediation: >-
#     Pull the image from (or mirror it to) a registry in `registries.trusted`.
#   compliance:
#     cis-docker: ["4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.registries

import data.docker.authz.lib

category := "image-integrity"

severity := "high"

deny contains msg if {
	lib.is_create
	not lib.image_registry in lib.setting("registries.trusted")
	msg := sprintf("image %s comes from the untrusted registry %s", [lib.image, lib.image_registry])
}
