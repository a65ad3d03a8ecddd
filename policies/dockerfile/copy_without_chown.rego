# METADATA
# title: COPY without --chown while running as a non-root user
# description: >-
#   Advisory. In the shipped image a COPY or ADD after a non-root USER has no `--chown`, so the
#   files belong to root while the process runs as another user: if the application must write
#   to them it fails at runtime, and the usual workaround (`RUN chown -R`) doubles the layer.
#   Windows images (where --chown does not apply) are not checked. Where read-only, root-owned
#   files are intended this is the safer choice: suppress the finding with that reason.
# custom:
#   id: CPD058
#   severity: warn
#   remediation: >-
#     Give the files to the runtime user as they are copied: `COPY --chown=10001:10001 app/
#     /app/` (and `--chmod` where modes matter), or copy them before the USER line if they
#     must stay root-owned.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.copy_without_chown

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["COPY", "ADD"])
	lib.in_final_image(ins)
	not ins.flags.chown
	not lib.windows_stage(input.stages[ins.stage])
	user := lib.user_of(lib.user_at(ins))
	not lib.is_root_user(user)

	# concat rather than sprintf, a call out of the Wasm module (see lib.stage_name): one per COPY in a non-root image.
	finding := lib.at_instruction(ins, concat("", [ins.keyword, " runs as USER ", user, " but copies files owned by root (no --chown)"]))
}
