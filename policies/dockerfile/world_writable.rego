# METADATA
# title: File made writable by every user
# description: >-
#   A stage of the shipped image makes files writable by every user (`chmod 777`, `chmod -R o+w`,
#   `COPY --chmod=666`), or a builder stage does so to files that `COPY --from` brings into the
#   shipped image with their mode. Any process in the container, whatever user it runs as, can then change
#   those programs, scripts or settings, so one compromised process can rewrite what the others run.
#   Directories with the sticky bit (`chmod 1777`, as `/tmp` is) are left alone.
# custom:
#   id: CPD071
#   severity: warn
#   remediation: >-
#     Give the files to the user that writes them (`COPY --chown=app:app`, `chown -R app /data`) and
#     keep them writable by that user alone (`chmod 755`, `chmod 644`, `chmod -R u+w`).
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.world_writable

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.file_modes

findings contains finding if {
	some cmd in lib.commands_of(["chmod"])
	lib.final_image_command(cmd)
	[mode, written] := file_modes.chmod_mode(cmd)
	files := file_modes.kept(cmd, written)
	world_writable(mode)
	count(files) > 0
	finding := lib.at_command(cmd, sprintf("chmod %s makes %s writable by every user in the container", [mode, files[0]]))
}

findings contains finding if {
	some ins in lib.instructions_of(["COPY", "ADD"])
	lib.in_final_image(ins)
	mode := lib.flag_value(ins, "chmod")
	world_writable(mode)
	finding := lib.at_instruction(ins, sprintf("%s --chmod=%s makes what it copies writable by every user in the container", [ins.keyword, mode]))
}

# Set in a builder stage, and copied into the shipped image with the mode: the chmod is where to fix it.
findings contains finding if {
	some [ins, cmd, mode, file] in file_modes.copied_modes
	world_writable(mode)
	finding := lib.at_command(cmd, sprintf("chmod %s makes %s writable by every user, and COPY --from=%s on line %d copies it into the shipped image", [mode, file, ins.flags.from, ins.startLine]))
}

world_writable(mode) if {
	added := file_modes.adds(mode)
	"world-writable" in added
	not "sticky" in added
}
