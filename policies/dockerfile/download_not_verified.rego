# METADATA
# title: Download used without a checksum or signature check
# description: >-
#   A RUN fetches a file with curl or wget (saved with `-o`/`-O`, under the URL's name, or by
#   redirecting the output, `curl URL > app.tgz`; or streamed into tar or unzip) and nothing in
#   the same RUN checks its checksum or signature, so a compromised mirror or a replaced release
#   asset goes straight into the image. Checked in every stage: a builder's download ends up in
#   what it builds.
# custom:
#   id: CPD056
#   severity: warn
#   remediation: >-
#     Verify what you download before using it, in the same RUN: `curl -fsSLo app.tgz "$URL"
#     && echo "$SHA256 app.tgz" | sha256sum -c - && tar xzf app.tgz`, or check a signature
#     with `gpg --verify` or `cosign verify-blob`. `ADD --checksum=sha256:... <url>` does both
#     in one instruction.
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.2"]
#     soc2: ["CC8.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.download_not_verified

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_downloads as downloads

findings contains finding if {
	some d in downloads.saves
	not downloads.is_signature(d.file)
	not downloads.verified(d.cmd.ins)
	finding := lib.at_command(d.cmd, concat("", [d.cmd.program, " saves ", d.file, " and nothing in the RUN checks its checksum or signature"]))
}

findings contains finding if {
	some cmd in downloads.streams_into_extractor
	not downloads.verified(cmd.ins)
	finding := lib.at_command(cmd, concat("", [cmd.program, " output is unpacked without a checksum or signature check"]))
}
