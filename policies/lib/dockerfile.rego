# Helpers over the Dockerfile input document (src/parse/input-document.ts, DockerfileDocument).
package container_policy.lib.dockerfile

# The stage a plain `docker build` produces; undefined when the file has no FROM.
final_stage := stage if {
	some stage in input.stages
	stage.isFinal == true
}

# How messages name a stage: by its quoted `AS` name when it has one, otherwise by its 0-based
# index, which is also how `COPY --from=<n>` refers to it.
# Like the messages most files get (a missing HEALTHCHECK, an unpinned package), built with concat
# rather than sprintf: sprintf is a call out of the Wasm module into JavaScript, several times the cost.
stage_name(stage) := concat("", ["\"", stage.name, "\""]) if is_string(stage.name)

stage_name(stage) := format_int(stage.index, 10) if not is_string(stage.name)

# Indices of the stages whose filesystem and config `stage` inherits, itself included: `FROM <stage>`
# chains followed back to the first stage based on an image.
lineage(stage) := lineages[stage.index]

# Each stage's lineage, computed once: rules ask for it per instruction.
lineages[s.index] := graph.reachable(base_graph, {s.index}) if {
	some s in input.stages
}

base_graph[s.index] := bases(s) if {
	some s in input.stages
}

bases(s) := [s.baseStage] if is_number(s.baseStage)

bases(s) := [] if not is_number(s.baseStage)

# Stages whose filesystem and config end up in the image a plain `docker build` ships.
final_lineage := lineage(final_stage)

# Every simple command inside a RUN, with where it is: `words` is the command line as the shell splits
# it from the program that runs (runners in front removed, so `sudo apt-get install` is an apt-get command),
# `program` the base name of the command run, `ins` the RUN instruction, `redirects` its redirections
# (empty when it has none). A list in file order, not a set: iterating a set of objects in the Wasm
# runtime hashes each element deeply to find the next.
commands := [cmd |
	some cmds in commands_by_instruction
	some cmd in cmds
]

# The commands of each instruction, by position (empty for all but RUN), built from the instruction
# itself: linear in the file, where filtering `commands` for each question was quadratic. A list
# rather than an object keyed by index, because looking a number up in an object hashes it, which
# the Wasm runtime does through its decimal library.
commands_by_instruction := [run_commands(ins) | some ins in input.instructions]

run_commands(ins) := [cmd |
	some c in object.get(ins, "commands", [])
	words := unwrap(c)
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
		"redirects": object.get(c, "redirects", []),
	}
] if {
	ins.keyword == "RUN"
} else := []

# Every `NAME=value` written before a RUN's command (`GIT_SSL_NO_VERIFY=1 git clone`) as [the command
# as parsed, the word], found in one walk for the rules that read them. Only commands with such
# words carry them, and only RUNs have commands: no list of RUNs, nor a default, built to walk.
prefix_assignments := [[c, arg] |
	some ins in input.instructions
	some c in ins.commands
	some arg in c.assignments
]

# The commands that run one of `programs` (names, as a list or a set), through an index built once:
# most rules are about a few programs, and walking every command of a long Dockerfile for each rule
# added up. Callers write the names as a list literal: the names are only walked, and a set literal
# hashes each name to build it and again to walk it. A program with no commands is undefined in the
# index, which ends that branch without building a default to walk.
commands_of(programs) := [commands[i] |
	some program in programs
	some i in command_positions[program]
]

# Positions in `commands` of each program's commands.
command_positions[cmd.program] contains i if {
	some i, cmd in commands
}

# The instructions with one of `keywords` (a list, as for commands_of), through an index built once
# rather than a walk of the whole file for each rule.
instructions_of(keywords) := [input.instructions[p] |
	some keyword in keywords
	some p in keyword_positions[keyword] # undefined for a keyword the file lacks, as in commands_of
]

# The instructions with `keyword`, in file order: instructions_of's index is a set, which the Wasm
# runtime walks in hash order.
in_file_order(keyword) := [ins | some ins in input.instructions; ins.keyword == keyword]

# Positions of each keyword's instructions.
keyword_positions[ins.keyword] contains p if {
	some p, ins in input.instructions
}

# The command that actually runs: the words from the program the parser found behind any runners
# (`sudo -u app`, `env VAR=x`, `exec`, `timeout 60`: the command's `programIndex`); `python -m pip ...`
# runs pip. An input written without `programIndex` (a custom policy's test) runs its first word.
unwrap(c) := python_module(array.slice(c.words, at, count(c.words))) if {
	at := object.get(c, "programIndex", 0)
	at > 0
} else := python_module(c.words)

python_module(words) := array.slice(words, 2, count(words)) if {
	program := basename(words[0])
	startswith(program, "python") # `^python[0-9.]*$`, without a pattern to compile per document
	only_chars(substring(program, 6, -1), "0123456789.")
	count(words) > 2
	words[1] == "-m"
} else := words

basename(path) := path if {
	not contains(path, "/") # most programs are named bare: no list to build
} else := parts[count(parts) - 1] if parts := split(path, "/")

# The arguments after `sub` for `program sub ...` (e.g. apt-get install): the command's words from
# the subcommand on, for commands of `programs`. `programs` and `subs` are sets.
subcommand_args(cmd, programs, subs) := array.slice(cmd.words, i + 1, count(cmd.words)) if {
	programs[cmd.program]
	i := min([j | some j, w in cmd.words; j > 0; subs[w]])
}

# Package operands: words that are not flags, skipping the values of flags in `valued` (a set, `-t x`).
operands(args, valued) := [w |
	some i, w in args
	not startswith(w, "-")
	not follows_valued_flag(args, i, valued)
]

follows_valued_flag(args, i, valued) if {
	i > 0
	valued[args[i - 1]]
}

# Whether `args` holds one of `names` (a set).
has_flag(args, names) if {
	some w in args
	names[w]
}

# Short flags may be combined (`-qy`); `letter` matches inside a single-dash group.
has_short_flag(args, letter) if {
	some w in args
	contains(w, letter)
	short_flag_group(w)
}

# A Windows path from a drive letter (`C:\app`, `c:/app`): what `^[A-Za-z]:[\\/]` matches, tested with
# string functions because the Wasm runtime compiles a pattern anew for every document (Windows
# Dockerfiles name such paths in every WORKDIR and COPY).
drive_path(path) if {
	substring(path, 1, 1) == ":" # the cheap test first: most paths have no colon there
	only_chars(substring(path, 0, 1), ascii_letters)
	drive_separators[substring(path, 2, 1)]
}

drive_separators := {"\\", "/"}

# `-` and one or more ASCII letters (`-qy`, `-fsSLo`), as `^-[A-Za-z]+$` would match, written with
# string functions: the Wasm runtime compiles a pattern anew for every document that reaches it.
short_flag_group(w) if {
	startswith(w, "-")
	letters := substring(w, 1, -1)
	letters != ""
	only_chars(letters, ascii_letters)
}

# Whether every character of `s` is one of `chars` (true for ""): what `^[...]*$` tests.
only_chars(s, chars) if trim_left(s, chars) == ""

ascii_letters := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

ascii_digits := "0123456789"

# Whether `s` is one or more ASCII digits, as `^[0-9]+$` would match (`to_number` accepts more:
# signs, decimals, exponents).
digits_only(s) if {
	s != ""
	only_chars(s, ascii_digits)
}

# The finding for a command: its own line, and a message.
at_command(cmd, msg) := {"msg": msg, "startLine": cmd.line, "endLine": cmd.line}

# The finding for an instruction: its whole line range.
at_instruction(ins, msg) := {"msg": msg, "startLine": ins.startLine, "endLine": ins.endLine}

# The finding for something missing in a stage: its FROM line.
at_from(stage, msg) := {"msg": msg, "startLine": stage.fromLine, "endLine": stage.fromLine}

# The flags of `ins` that BuildKit requires a value for but that are written without `=` (`COPY
# --from build ...`), as [position, flag]: BuildKit refuses the instruction, and the parser took the
# meant value for the first argument. FROM's --platform is left to the parser, which cannot split
# such a FROM; the boolean flags (--link, --parents, --keep-git-dir, --unpack) take no value.
flags_without_value(ins) := [[i, flag] |
	some i, flag in object.get(ins, "flagList", [])
	flag.withoutValue
	valued_flags[flag.name]
]

valued_flags := {
	"from", "chown", "chmod", "checksum", "exclude", # COPY, ADD
	"mount", "network", "security", "device", # RUN
	"interval", "timeout", "start-period", "start-interval", "retries", # HEALTHCHECK
}

# The commands of one RUN instruction.
instruction_commands(ins_index) := commands_by_instruction[ins_index]

# Each command of a pipeline, by [RUN, pipeline number, position in the pipeline]: rules look up the
# command after a download (`wget | tar`, `curl | tee`) or a pipeline's first command here, rather than
# going through the RUN's commands for each one, which took time in the square of a RUN's commands (one
# RUN of 10,000 `curl | sh` took a minute). The parser numbers a RUN's pipelines apart, scripts run by
# `sh -c` and heredocs included, so each key names one command.
pipe_member[[cmd.ins, cmd.pipeline, cmd.position]] := cmd if {
	some cmd in commands
	cmd.pipelineSize > 1
}

# The earlier stage a `COPY --from` names, by its name (compared lower-cased, as BuildKit does) or its
# index; undefined for an image or a stage not built before it. Of two earlier stages with the name
# (which BuildKit refuses, and CPD007 denies), the first, as the parser resolves a FROM: one value for
# each, where two failed the evaluation of the whole file.
copied_stage(ins) := min(named) if {
	from := lower(flag_value(ins, "from"))
	named := [stage.index | some stage in input.stages; stage.name == from; stage.index < ins.stage]
	count(named) > 0
} else := index if {
	from := flag_value(ins, "from")
	digits_only(from)
	index := to_number(from)
	index < ins.stage
}

# Whether an instruction is part of the image a plain `docker build` ships: runtime settings (CMD,
# ENTRYPOINT, HEALTHCHECK, EXPOSE, USER) in a builder stage never reach it.
in_final_image(ins) if final_lineage[ins.stage]

# [earlier, next] pairs of one keyword within a stage of the shipped image: the earlier one never
# takes effect, and the next one of its stage is the one that overrides it. (A stage may override what
# it inherits; that is not flagged.) Each instruction is paired with the next only, in the keyword's
# own list in file order: pairing it with every later one made a file of 5,000 CMDs 12 million
# findings, which no run finished.
overridden(keyword) := [[a, b] |
	same := in_file_order(keyword)
	some p, a in same
	in_final_image(a)
	b := same[p + 1]
	b.stage == a.stage
]

# RUN instructions of the shipped image, by index (for rules about what the image carries).
final_image_command(cmd) if final_lineage[cmd.stage]

# A path and the directories holding it, as prefixes of the path: `/a/b` gives `/a/b`, `/a` and ``
# (the root, which `rm -rf /` names once its trailing slash is trimmed). Only the first
# `holder_depth` of them: every prefix of a path of 20,000 components is 20,000 strings of up to
# 40 KB, which exhausted the module's memory. Deeper directories are not matched: a file under one
# counts as not removed, so rules that leave removed files alone report it.
holders(path) := {path} | {concat("/", array.slice(parts, 0, n)) |
	parts := split(path, "/")
	count(parts) > 1
	some n in numbers.range(1, min([count(parts) - 1, holder_depth]))
}

holder_depth := 32

# Whether an `rm` of the RUN at `ins_index` removes `path`: it, a directory holding it, or the contents
# of one (`rm -rf /tmp/x/*`). Looked up in a table of every RUN's `rm` operands, built once: going
# through the RUN's commands for each file took one RUN of 10,000 chmods 7 s.
rm_removes(ins_index, path) if {
	some dir in holders(path)
	rm_operands[[ins_index, dir]]
}

rm_removes(ins_index, path) if {
	some dir in holders(path)
	dir != path
	rm_operands[[ins_index, concat("", [dir, "/*"])]]
}

rm_operands contains [c.ins, trim_right(w, "/")] if {
	some c in commands_of(["rm"])
	some w in array.slice(c.words, 1, count(c.words))
	not startswith(w, "-")
}

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
	contains(f.value, concat("", ["=", prefix]))
}

# The first non-flag word after the program: `apt-get -y install x` -> "install".
subcommand(cmd) := second if {
	second := cmd.words[1]
	not startswith(second, "-") # the usual case, without a list of positions to build
} else := cmd.words[i] if {
	i := min([j | some j, w in cmd.words; j > 0; not startswith(w, "-")])
}

# Positions of the USER instructions that apply to the shipped image (its own and inherited ones);
# the one furthest down the file is the USER in effect.
final_user_positions contains ins.index if {
	some ins in instructions_of(["USER"])
	in_final_image(ins)
}

final_user := input.instructions[max(final_user_positions)]

# The USER in effect at instruction `ins` within its stage's lineage, if any.
user_at(ins) := setting_at("USER", ins)

# The user a USER instruction sets, as the parser expanded it (`user`: ARG defaults and ENV values in
# scope, quotes removed), so `ARG U=root` then `USER $U` is root; the word as written in hand-built
# inputs without `user`. Undefined when the user is not known before the build (see user_unknown).
user_of(ins) := user if {
	user := object.get(ins, "user", ins.args[0])
	is_string(user)
}

# Whether a USER instruction's user depends on a value only known at build time (an ARG without a
# default, which `--build-arg` sets): it may be root, so rules must not take it as not.
user_unknown(ins) if ins.user == null

# Instructions whose setting applies to the instructions after them, in their stage and in the
# stages built on it.
inherited_settings := {"USER", "SHELL", "WORKDIR"}

# The instruction of `keyword` (one of inherited_settings) in effect at `ins`: the last one before it
# in its own stage, else the last one in the stages it is built on; undefined when there is none.
# Relies on what the parser guarantees: a stage's instructions are contiguous, and a stage builds
# only on stages above it.
setting_at(keyword, ins) := input.instructions[p] if {
	p := own_setting_before(keyword, ins)
} else := input.instructions[inherited_setting[keyword][ins.stage]]

# The position of the last `keyword` instruction before `ins` in its stage. Rules ask per
# instruction, so a file with many such instructions looks it up in a table built once (a scan per
# question made long Dockerfiles quadratic); a file with a few scans them, which costs less than
# building the table: 7–10% of the evaluation of a small Dockerfile. Sixteen keeps a scan short.
own_setting_before(keyword, ins) := setting_before_by_scan(keyword, ins) if {
	count(setting_positions[keyword]) <= few_settings
}

own_setting_before(keyword, ins) := setting_before_by_table(keyword, ins) if {
	count(setting_positions[keyword]) > few_settings
}

few_settings := 16

setting_before_by_scan(keyword, ins) := max(before) if {
	before := [p |
		some p in setting_positions[keyword]
		p < ins.index
		input.instructions[p].stage == ins.stage
	]
	count(before) > 0
}

setting_before_by_table(keyword, ins) := p if {
	p := last_setting_before[keyword][ins.index]
	input.instructions[p].stage == ins.stage
}

# Positions of each keyword's instructions, in file order (from one walk of the file for all of them).
setting_positions[keyword] := [p | some p in settings_in_order; input.instructions[p].keyword == keyword] if {
	some keyword in inherited_settings
}

settings_in_order := [p | some p, ins in input.instructions; inherited_settings[ins.keyword]]

# Per keyword, a list indexed by position: the position of the last such instruction before it,
# whatever its stage, or -1. Each instruction of the keyword covers the positions up to and including
# the next one (-1 covers those up to the first), so the list is built in one pass.
last_setting_before[keyword] := [p |
	positions := array.concat([-1], setting_positions[keyword])
	some k, p in positions
	some _ in numbers.range(p + 1, next_or_end(positions, k))
] if {
	some keyword in inherited_settings
	count(setting_positions[keyword]) > 0 # nothing to find in a file without one (most have no SHELL)
}

next_or_end(positions, k) := positions[k + 1] if k + 1 < count(positions)

next_or_end(positions, k) := count(input.instructions) if k + 1 == count(positions)

# Per keyword, for each stage built on other stages: the position of the last such instruction in
# them, which is what the stage starts with.
inherited_setting[keyword] := {s.index: max(positions) |
	some s in input.stages
	bases := lineage(s) - {s.index}
	count(bases) > 0
	positions := [p | some p in setting_positions[keyword]; bases[input.instructions[p].stage]]
	count(positions) > 0
} if {
	some keyword in inherited_settings
	count(setting_positions[keyword]) > 0
}

# `root`, or UID 0 however written (`0`, `000`), with or without a group.
is_root_user(user) if split(user, ":")[0] == "root"

is_root_user(user) if {
	uid := split(user, ":")[0]
	uid != ""
	trim_left(uid, "0") == "" # all zeros, without compiling a pattern for every document
}

# Whether a stage's lineage starts from a Windows image (`windows/servercore`, `*-nanoserver-*`):
# there users are names (ContainerUser) and COPY --chown does not apply. The parser uses the same
# test to leave RUN unsplit (cmd is not a POSIX shell).
windows_stage(stage) if windows_stages[stage.index]

# Found once per document: rules ask per instruction.
windows_stages contains stage.index if {
	some stage in input.stages
	some i in lineage(stage)
	image := input.stages[i].image
	names_windows(image) # a cheap test first: most images name none of the words
	windows_image(image)
}

# Whether the image's repository or tag holds one of the words the test below looks for. Upper-cased,
# because the test's case folding also takes the long s for an s, which upper-casing turns into S.
names_windows(image) if {
	some part in [image.repository, object.get(image, "tag", "")]
	is_string(part)
	some word in {"WINDOWS", "SERVERCORE", "NANOSERVER"}
	contains(upper(part), word)
}

# What `(?i)(^|[/:._-])(nanoserver|windowsservercore|servercore|windows)([/:._-]|$)` matches in
# `repository:tag`, tested with string functions, because the Wasm runtime compiles a pattern anew
# for every document: one of the words, in any case, as a whole part between separators.
windows_image(image) if {
	some part in [image.repository, object.get(image, "tag", "")]
	is_string(part)
	some name_part in split(strings.replace_n(name_separators, part), "/")
	windows_word(name_part)
}

name_separators := {":": "/", ".": "/", "_": "/", "-": "/"}

# Case-insensitive as the pattern's `(?i)`: under its case folding the only character outside ASCII
# that matches a letter of these words is the long s, so with that one replaced, the part matches
# when it is ASCII letters that lower-case to one of the words.
windows_word(name_part) if {
	ascii := replace(name_part, "\u017f", "s")
	only_chars(ascii, ascii_letters)
	windows_words[lower(ascii)]
}

windows_words := {"nanoserver", "windowsservercore", "servercore", "windows"}

# A flag's value as BuildKit reads it: its quotes removed (`--security="insecure"` and
# `--security=in"sec"ure` are insecure), where `flags` keeps the value as written. Undefined when the
# flag is absent.
flag_value(ins, name) := replace(replace(ins.flags[name], "\"", ""), "'", "")
