# Helpers over the Dockerfile input document (src/parse/input-document.ts, DockerfileDocument).
package container_policy.lib.dockerfile

# The stage a plain `docker build` produces; undefined when the file has no FROM.
final_stage := stage if {
	some stage in input.stages
	stage.isFinal == true
}

# How messages name a stage: by its quoted `AS` name when it has one, otherwise by its 0-based
# index, which is also how `COPY --from=<n>` refers to it.
stage_name(stage) := sprintf("\"%s\"", [stage.name]) if is_string(stage.name)

stage_name(stage) := format_int(stage.index, 10) if not is_string(stage.name)

# Indices of the stages whose filesystem and config `stage` inherits, itself included: `FROM <stage>`
# chains followed back to the first stage based on an image.
lineage(stage) := graph.reachable(base_graph, {stage.index})

base_graph[s.index] := bases(s) if {
	some s in input.stages
}

bases(s) := [s.baseStage] if is_number(s.baseStage)

bases(s) := [] if not is_number(s.baseStage)

# Stages whose filesystem and config end up in the image a plain `docker build` ships.
final_lineage := lineage(final_stage)

# Every simple command inside a RUN, with where it is: `words` is the command line as the shell splits
# it (a leading `sudo` or `env VAR=x` removed, so `sudo apt-get install` is an apt-get command),
# `program` the base name of the command run, `ins` the RUN instruction.
commands contains cmd if {
	some cmds in commands_by_instruction
	some cmd in cmds
}

# The commands of each RUN, by instruction index, built from the instruction itself (linear in the
# file: rules ask for one instruction's commands many times, and filtering `commands` on each call, or
# grouping it afterwards, made long Dockerfiles quadratic).
commands_by_instruction[ins.index] := [cmd |
	some c in object.get(ins, "commands", [])
	words := unwrap(c.words)
	count(words) > 0
	cmd := {
		"words": words,
		"raw": c.words,
		"program": basename(words[0]),
		"line": c.line,
		"stage": ins.stage,
		"ins": ins.index,
		"pipeline": c.pipeline,
		"position": c.position,
		"pipelineSize": c.pipelineSize,
	}
] if {
	some ins in input.instructions
	ins.keyword == "RUN"
}

# `sudo [-flags] cmd`, `env [VAR=x ...] cmd`: the command that actually runs (one wrapper removed);
# `python -m pip ...` runs pip.
unwrap(words) := array.slice(words, first_plain(words), count(words)) if {
	basename(words[0]) in {"sudo", "env"}
	first_plain(words)
} else := array.slice(words, 2, count(words)) if {
	regex.match(`^python[0-9.]*$`, basename(words[0]))
	count(words) > 2
	words[1] == "-m"
} else := words

first_plain(words) := min([i |
	some i, w in words
	i > 0
	not startswith(w, "-")
	not contains(w, "=")
])

basename(path) := parts[count(parts) - 1] if parts := split(path, "/")

# The arguments after `sub` for `program sub ...` (e.g. apt-get install): the command's words from
# the subcommand on, for commands of `programs`.
subcommand_args(cmd, programs, subs) := array.slice(cmd.words, i + 1, count(cmd.words)) if {
	cmd.program in programs
	i := min([j | some j, w in cmd.words; j > 0; w in subs])
}

# Package operands: words that are not flags, skipping the values of flags in `valued` (`-t x`).
operands(args, valued) := [w |
	some i, w in args
	not startswith(w, "-")
	not follows_valued_flag(args, i, valued)
]

follows_valued_flag(args, i, valued) if {
	i > 0
	args[i - 1] in valued
}

has_flag(args, names) if {
	some w in args
	w in names
}

# Short flags may be combined (`-qy`); `letter` matches inside a single-dash group.
has_short_flag(args, letter) if {
	some w in args
	regex.match(`^-[A-Za-z]+$`, w)
	contains(w, letter)
}

# The finding for a command: its own line, and a message.
at_command(cmd, msg) := {"msg": msg, "startLine": cmd.line, "endLine": cmd.line}

# The finding for an instruction: its whole line range.
at_instruction(ins, msg) := {"msg": msg, "startLine": ins.startLine, "endLine": ins.endLine}

# The finding for something missing in a stage: its FROM line.
at_from(stage, msg) := {"msg": msg, "startLine": stage.fromLine, "endLine": stage.fromLine}

# The commands of one RUN instruction.
instruction_commands(ins_index) := object.get(commands_by_instruction, ins_index, [])

# Whether an instruction is part of the image a plain `docker build` ships: runtime settings (CMD,
# ENTRYPOINT, HEALTHCHECK, EXPOSE, USER) in a builder stage never reach it.
in_final_image(ins) if ins.stage in final_lineage

# [earlier, later] pairs of one keyword within a stage of the shipped image: the earlier one never
# takes effect. (A stage may override what it inherits; that is not flagged.)
overridden(keyword) := {[a, b] |
	some a in input.instructions
	a.keyword == keyword
	in_final_image(a)
	some b in input.instructions
	b.keyword == keyword
	b.stage == a.stage
	a.index < b.index
}

# RUN instructions of the shipped image, by index (for rules about what the image carries).
final_image_command(cmd) if cmd.stage in final_lineage

# Whether a RUN removes something under `prefix` (`rm -rf /var/lib/apt/lists/*`).
run_removes(ins_index, prefix) if {
	some c in instruction_commands(ins_index)
	c.program == "rm"
	some w in c.words
	startswith(w, prefix)
}

# Whether a RUN mounts a build cache whose target is under `prefix`: nothing it holds is in the image.
cache_mount(ins_index, prefix) if {
	some f in object.get(input.instructions[ins_index], "flagList", [])
	f.name == "mount"
	contains(f.value, "type=cache")
	contains(f.value, sprintf("=%s", [prefix]))
}

# The first non-flag word after the program: `apt-get -y install x` -> "install".
subcommand(cmd) := cmd.words[i] if {
	i := min([j | some j, w in cmd.words; j > 0; not startswith(w, "-")])
}

# Positions of the USER instructions that apply to the shipped image (its own and inherited ones);
# the one furthest down the file is the USER in effect.
final_user_positions contains position if {
	some position, ins in input.instructions
	ins.keyword == "USER"
	in_final_image(ins)
}

final_user := input.instructions[max(final_user_positions)]

# The USER in effect at instruction `ins` within its stage's lineage, if any.
user_at(ins) := input.instructions[max(positions)] if {
	chain := lineage(input.stages[ins.stage])
	positions := [p | some p, u in input.instructions; u.keyword == "USER"; u.stage in chain; p < ins.index]
	count(positions) > 0
}

# `root`, or UID 0 however written (`0`, `000`), with or without a group.
is_root_user(user) if split(user, ":")[0] == "root"

is_root_user(user) if regex.match(`^0+$`, split(user, ":")[0])

# Whether a stage's lineage starts from a Windows image (`windows/servercore`, `*-nanoserver-*`):
# there users are names (ContainerUser) and COPY --chown does not apply. The parser uses the same
# test to leave RUN unsplit (cmd is not a POSIX shell).
windows_stage(stage) if {
	some i in lineage(stage)
	image := input.stages[i].image
	regex.match(`(?i)(^|[/:._-])(nanoserver|windowsservercore|servercore|windows)([/:._-]|$)`, sprintf("%s:%s", [image.repository, object.get(image, "tag", "")]))
}
