# METADATA
# title: Image is not pinned to a version (no tag, or latest)
# description: >-
#   A service runs an image with no tag or the tag `latest`, so each pull may bring a different
#   image and an upstream change lands without review. Images whose reference holds an
#   unresolved variable are not judged, nor the `image` of a service that builds it with
#   `pull_policy: build`, which only names what the build makes (without it, compose tries to
#   pull that name first).
# custom:
#   id: CPC028
#   severity: deny
#   remediation: >-
#     Name an explicit version tag, e.g. `image: postgres:16.3`, or pin by digest
#     (`@sha256:...`).
#   compliance:
#     cis-docker: ["4.2"]
#     nist-800-190: ["4.1.1", "4.2.2"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.image_tag

import data.container_policy.lib.compose as lib

findings contains finding if {
	some name, svc in lib.normalised
	image := svc.image
	not lib.unresolved_at(image.path)
	image.digest == null
	not named_build(svc)
	unpinned(image.tag)
	finding := {
		"msg": lib.service_message(name, concat("", ["uses image \"", image.raw, "\", which is not pinned to a version"])),
		"path": image.path,
	}
}

unpinned(null)

unpinned("latest")

# `image` with `build` and `pull_policy: build` is the name the built image gets: nothing is pulled.
named_build(svc) if {
	svc.build
	svc.pull_policy == "build"
}
