# The benchmark's Dockerfile subset for conftest, over conftest's own Dockerfile shape (an array of
# {Cmd, Flags, Value, Stage} per instruction, keywords lower-cased): the same checks as the built-in
# rules image_tag (CPD: unpinned or `latest` base) and root_user (final stage runs as root).
# Conftest resolves no ARGs and no stage references, so it is the cheaper of the two by design.
package dockerfile

import rego.v1

instructions := input[0] if is_array(input[0])

instructions := input if not is_array(input[0])

stage_names contains lower(instr.Value[2]) if {
	some instr in instructions
	instr.Cmd == "from"
	count(instr.Value) == 3
	lower(instr.Value[1]) == "as"
}

deny contains msg if {
	some instr in instructions
	instr.Cmd == "from"
	image := instr.Value[0]
	not lower(image) in stage_names
	image != "scratch"
	not contains(image, "@")
	not has_tag(image)
	msg := sprintf("Stage %d uses image %q with no tag or digest", [instr.Stage, image])
}

deny contains msg if {
	some instr in instructions
	instr.Cmd == "from"
	image := instr.Value[0]
	not contains(image, "@")
	endswith(image, ":latest")
	msg := sprintf("Stage %d uses image %q with the mutable tag latest", [instr.Stage, image])
}

# The tag follows the last ":" after the last "/" (a registry port is not a tag).
has_tag(image) if {
	parts := split(image, "/")
	contains(parts[count(parts) - 1], ":")
}

final_stage := max({instr.Stage | some instr in instructions})

final_users := [instr | some instr in instructions; instr.Cmd == "user"; instr.Stage == final_stage]

deny contains "The final stage sets no USER, so the image runs as root" if count(final_users) == 0

deny contains msg if {
	user := final_users[count(final_users) - 1].Value[0]
	regex.match(`^(root|0)(:.*)?$`, user)
	msg := sprintf("The final stage runs as root (USER %s)", [user])
}
