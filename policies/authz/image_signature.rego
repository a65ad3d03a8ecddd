# METADATA
# title: Image signature not verified
# description: >-
#   Signatures are required and neither the policy data records a verified signature for the image
#   nor does the container carry the signature label.
# custom:
#   id: CPA012
#   severity: deny
#   remediation: >-
#     Sign the image and record it in `image_signature.images`, or deploy an image whose signature
#     is verified.
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
package docker.authz.rules.image_signature

import data.docker.authz.lib

category := "image-integrity"

severity := "high"

deny contains msg if {
	lib.is_create
	lib.setting("image_signature.required")
	not signed
	msg := sprintf("image %s has no verified signature", [lib.image])
}

signed if object.get(lib.setting("image_signature.images"), lib.image, {}).signed == true

signed if {
	label := lib.setting("image_signature.label")
	label != ""
	object.get(lib.labels, label, "") != ""
}
