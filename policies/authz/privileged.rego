# METADATA
# title: Privileged container without approval
# description: >-
#   The request creates a privileged container: every capability, every host device and no
#   confinement. Only images on the approval list, or containers carrying the justification label,
#   may do so.
# custom:
#   id: CPA002
#   severity: deny
#   remediation: >-
#     Remove `privileged: true` and grant the specific capabilities and devices instead; if it is
#     truly needed, add the image to `privileged.approved_images` or set the label named by
#     `privileged.justification_label` with the reason.
#   compliance:
#     cis-docker: ["5.5"]
#     nist-800-190: ["4.4.3"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6", "7.2.1"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package docker.authz.rules.privileged

import data.docker.authz.lib

category := "privileged"

severity := "critical"

deny contains msg if {
	lib.is_create
	lib.host_config.Privileged == true
	not approved_image
	not justified
	msg := sprintf("privileged container of image %s is not approved", [lib.image])
}

approved_image if lib.image_repository in lib.setting("privileged.approved_images")

justified if {
	label := lib.setting("privileged.justification_label")
	label != ""
	trim_space(object.get(lib.labels, label, "")) != ""
}
