# METADATA
# title: Service image built with elevated privileges
# description: >-
#   A service's `build` sets `privileged: true` or lists the `security.insecure` entitlement, so
#   the builder lets the Dockerfile's `RUN --security=insecure` steps run outside the build
#   sandbox with every capability, like a privileged container: whatever such a step executes,
#   including a compromised dependency, can take over the machine that builds the image.
# custom:
#   id: CPC043
#   severity: deny
#   remediation: >-
#     Remove `build.privileged` and the `security.insecure` entitlement, and the `RUN
#     --security=insecure` steps that need them; if a step truly needs privileges, build that
#     image on an isolated builder rather than the one your pipeline shares.
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.build_privileged

import data.container_policy.lib.compose as lib

# The normalised boolean: `privileged: yes` and "True" are true to compose as well.
findings contains finding if {
	some name, svc in lib.normalised
	svc.build_privileged.value == true
	finding := {
		"msg": lib.service_message(name, "is built with build.privileged: true, so its RUN steps may leave the build sandbox"),
		"path": svc.build_privileged.path,
	}
}

findings contains finding if {
	some name, svc in lib.normalised
	some entitlement in svc.build_entitlements
	entitlement.name == "security.insecure"
	finding := {
		"msg": lib.service_message(name, "is built with the security.insecure entitlement, so its RUN steps may leave the build sandbox"),
		"path": entitlement.path,
	}
}
