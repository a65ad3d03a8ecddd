# METADATA
# title: setuid or setgid bit set in the image
# description: >-
#   A stage of the shipped image sets the setuid or setgid bit on a file (`chmod u+s`, `chmod 4755`,
#   `COPY --chmod=2755`), or a builder stage sets it on a file that `COPY --from` brings into the
#   shipped image, which keeps the bit. Such a program runs with its owner's or group's rights whoever starts it, so
#   any process in the container, a compromised one included, gets a way to root: CIS 4.8 asks for
#   these bits to be removed from images, not added.
# custom:
#   id: CPD070
#   severity: warn
#   remediation: >-
#     Drop the bit (`chmod 0755`) and give the program the one capability it needs instead
#     (`setcap cap_net_raw+ep /usr/bin/ping`), or run the container as the user it needs.
#   compliance:
#     cis-docker: ["4.8"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: ["2.2.6"]
#     soc2: ["CC6.1"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.setuid_setgid

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.file_modes

findings contains finding if {
	some cmd in lib.commands_of(["chmod"])
	lib.final_image_command(cmd)
	[mode, written] := file_modes.chmod_mode(cmd)
	files := file_modes.kept(cmd, written)
	count(files) > 0
	bits := special_bits(mode)
	count(bits) > 0
	finding := lib.at_command(cmd, sprintf("chmod %s sets the %s on %s", [mode, named(bits), files[0]]))
}

findings contains finding if {
	some ins in lib.instructions_of(["COPY", "ADD"])
	lib.in_final_image(ins)
	mode := lib.flag_value(ins, "chmod")
	bits := special_bits(mode)
	count(bits) > 0
	finding := lib.at_instruction(ins, sprintf("%s --chmod=%s sets the %s on what it copies", [ins.keyword, mode, named(bits)]))
}

# Set in a builder stage, and copied into the shipped image with the bit: the chmod is where to fix it.
findings contains finding if {
	some [ins, cmd, mode, file] in file_modes.copied_modes
	bits := special_bits(mode)
	count(bits) > 0
	finding := lib.at_command(cmd, sprintf("chmod %s sets the %s on %s, which COPY --from=%s on line %d copies into the shipped image", [mode, named(bits), file, ins.flags.from, ins.startLine]))
}

# In a fixed order for the message.
special_bits(mode) := [bit | some bit in ["setuid", "setgid"]; bit in file_modes.adds(mode)]

named(bits) := concat("", [bits[0], " bit"]) if count(bits) == 1

named(bits) := "setuid and setgid bits" if count(bits) == 2
