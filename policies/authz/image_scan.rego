# METADATA
# title: Image has no passing vulnerability scan
# description: >-
#   The image's scan status, supplied as policy data by the scanning pipeline, is missing or not
#   `passed`.
# custom:
#   id: CPA011
#   severity: deny
#   remediation: >-
#     Scan the image and publish its result into `image_scan.results`, fix what the scan found, or
#     use an image that passed.
#   compliance:
#     cis-docker: ["4.4"]
#     nist-800-190: ["4.1.1"]
#     owasp-docker: ["D02"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.image_scan

import data.docker.authz.lib

category := "image-integrity"

severity := "high"

status := object.get(object.get(lib.setting("image_scan.results"), lib.image, {}), "status", "")

deny contains msg if {
	lib.is_create
	status != ""
	status != "passed"
	msg := sprintf("image %s failed its vulnerability scan (%s)", [lib.image, status])
}

deny contains msg if {
	lib.is_create
	lib.setting("image_scan.required")
	status == ""
	msg := sprintf("image %s has no vulnerability scan result", [lib.image])
}
