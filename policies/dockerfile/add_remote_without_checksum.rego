# METADATA
# title: ADD downloads a URL without a checksum
# description: >-
#   ADD of an http(s) URL fetches whatever the server returns at build time. `ADD
#   --checksum=sha256:...` (BuildKit) makes the build fail if the content changes; without it
#   the download is unverified. Git URLs are accepted when they name a commit with `#<sha>`...
#   only via --checksum too.
# custom:
#   id: CPD035
#   severity: warn
#   remediation: >-
#     Add the expected digest: `ADD --checksum=sha256:<digest> https://example.com/tool.tar.gz
#     /tmp/`, or download with curl and verify with `sha256sum -c`.
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: ["4b410d24-1cbe-4430-a632-62c9a931cf1c"]
#     checkov: []
package container_policy.rules.dockerfile.add_remote_without_checksum

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["ADD"])
	not ins.flags.checksum
	some src in ins.args
	remote(src)
	finding := lib.at_instruction(ins, sprintf("ADD downloads \"%s\" without --checksum", [src]))
}

# `^https?://`, as prefixes: a pattern is compiled anew for every document that reaches it.
remote(src) if startswith(src, "http://")

remote(src) if startswith(src, "https://")
