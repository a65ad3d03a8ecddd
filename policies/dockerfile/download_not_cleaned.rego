# METADATA
# title: Downloaded archive left in the image
# description: >-
#   A RUN in the shipped image downloads an archive or installer (`.tar.gz`, `.zip`, `.deb`,
#   `.rpm`, `.sh`, ...) and does not delete it in the same RUN (by name, by a glob such as
#   `app-*.deb`, or with its directory), so the file stays in a layer next to what was unpacked
#   or installed from it. Builder stages are not checked.
# custom:
#   id: CPD057
#   severity: warn
#   remediation: >-
#     Remove the file in the same RUN after using it (`&& rm -f app.tgz`), download to a
#     directory you delete, or unpack in a builder stage and `COPY --from` only the result.
#   compliance:
#     cis-docker: ["4.3"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.download_not_cleaned

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_downloads as downloads

findings contains finding if {
	some d in downloads.saves
	lib.final_image_command(d.cmd)
	some extension in installable # a string test: the Wasm runtime compiles a pattern anew for every document
	endswith(d.file, extension)
	not downloads.removed(d.cmd.ins, d.file)
	finding := lib.at_command(d.cmd, concat("", [d.cmd.program, " downloads ", d.file, " and the RUN does not remove it"]))
}

# Archives, packages and installers: what a download is fetched to unpack or run, then no longer needed.
installable := {".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".gz", ".bz2", ".xz", ".zst", ".zip", ".7z", ".deb", ".rpm", ".apk", ".sh", ".run", ".msi", ".pkg"}
