# File modes a Dockerfile sets, with `chmod` in a RUN or `--chmod` on COPY and ADD: which special
# bits and which permissions for everyone they add. String tests only: a mode is a short word, and
# the Wasm runtime compiles a regular expression anew for every document that reaches one.
package container_policy.lib.file_modes

import data.container_policy.lib.dockerfile as lib

# [mode, files] of a chmod command; undefined for `chmod --reference=FILE`, which copies a mode.
# Options may come after the mode too (`chmod 777 -R /app`), as GNU chmod reads them.
chmod_mode(cmd) := [cmd.words[i], files] if {
	not copies_mode(cmd)
	i := min([j | some j, w in cmd.words; j > 0; not chmod_option(w)])
	files := [w | some j, w in cmd.words; j > i; not chmod_option(w)]
}

# The files of `files` the command's RUN does not remove, itself or a directory holding it
# (`tempDir="$(mktemp -d)"; chmod 777 "$tempDir"; ...; rm -rf "$tempDir"`): what ships with the mode.
kept(cmd, files) := [file | some file in files; not lib.rm_removes(cmd.ins, trim_right(file, "/"))]

copies_mode(cmd) if {
	some w in cmd.words
	startswith(w, "--reference")
}

# GNU and busybox chmod options, alone or grouped (`-Rv`), and long ones. `-w` and `-x` are modes.
chmod_option(w) if startswith(w, "--")

chmod_option(w) if {
	startswith(w, "-")
	letters := substring(w, 1, -1)
	letters != ""
	lib.only_chars(letters, "cfvRHLP")
}

# What `mode` adds of "setuid", "setgid", "sticky" and "world-writable".
adds(mode) := octal_adds(mode) if octal(mode)

adds(mode) := symbolic_adds(mode) if not octal(mode)

octal(mode) if {
	mode != ""
	lib.only_chars(mode, "01234567")
}

# The special bits are the fourth digit from the right (`4755`, `02775`); the others' the last.
octal_adds(mode) := {bit |
	n := count(mode)
	special := special_digit(mode, n)
	some [bit, digits] in [
		["setuid", "4567"],
		["setgid", "2367"],
		["sticky", "1357"],
	]
	contains(digits, special)
} | {"world-writable" | contains("2367", substring(mode, count(mode) - 1, 1))}

special_digit(mode, n) := substring(mode, n - 4, 1) if n >= 4

special_digit(_, n) := "0" if n < 4

# `u+s`, `g=rwxs`, `+s`, `o+w`, `a+rwx`, `go-w,u+s`: each clause's who (`ugoa`, none meaning all
# for `s` and the umask's choice for `w`), then operations; only `+` and `=` add.
symbolic_adds(mode) := {bit |
	some clause in split(mode, ",")
	actions := trim_left(clause, "ugoa")
	who := substring(clause, 0, count(clause) - count(actions))
	some bit in clause_adds(who, actions)
}

clause_adds(who, actions) := {bit |
	some [bit, permission, whos] in [
		["setuid", "s", "ua"],
		["setgid", "s", "ga"],
		["sticky", "t", ""],
		["world-writable", "w", "oa"],
	]
	adds_permission(actions, permission)
	for_whom(who, whos, permission)
}

for_whom(_, "", _)

for_whom(who, whos, _) if {
	some c in split(whos, "")
	contains(who, c)
}

# `+s` and `=s` with no who set both bits; `+w` with no who leaves others out under the usual umask.
for_whom("", _, "s")

# Whether an operation `+` or `=` in `actions` (`u+x-w`, `=rws`) is given `permission`.
adds_permission(actions, permission) if {
	some i, op in split(actions, "")
	op in {"+", "="}
	rest := substring(actions, i + 1, -1)
	permissions := split(replace(replace(replace(rest, "-", "|"), "+", "|"), "=", "|"), "|")[0]
	contains(permissions, permission)
}

# [COPY, chmod command, mode, absolute path] for each file a chmod sets a mode on in a stage the shipped image
# is not built from, and that a COPY --from of the shipped image copies into it: COPY keeps a file's
# mode unless it is given `--chmod`. Paths are compared as written once made absolute (a relative
# file from the WORKDIR in effect, when that is an absolute path); variables are not expanded, so a
# file named through one is not followed.
copied_modes := [[ins, cmd, mode, path] |
	some ins in lib.instructions_of(["COPY"])
	lib.in_final_image(ins)
	not ins.flags.chmod
	source := lib.copied_stage(ins)
	not lib.final_lineage[source]
	some root in source_roots(ins)
	some stage in lib.lineage(input.stages[source])
	some [cmd, mode, path] in builder_modes[[stage, root]]
]

# [chmod command, mode, absolute path] for each file a chmod outside the shipped image's stages sets
# a mode on, by its stage and each path a COPY --from could name to copy it: the file and every
# directory holding it. Grouped once, so that a COPY looks its sources up: going through every chmod
# for each COPY took a file of 5,000 of each minutes.
builder_modes[[cmd.stage, holder]] contains [cmd, mode, path] if {
	some cmd in lib.commands_of(["chmod"])
	not lib.final_lineage[cmd.stage]
	[mode, written] := chmod_mode(cmd)
	some file in kept(cmd, written)
	path := absolute(cmd, file)
	some holder in lib.holders(path)
}

absolute(_, file) := trim_right(file, "/") if startswith(file, "/")

absolute(cmd, file) := concat("/", [trim_right(dir, "/"), trim_right(trim_prefix(file, "./"), "/")]) if {
	not startswith(file, "/")
	workdir := lib.setting_at("WORKDIR", input.instructions[cmd.ins])
	dir := workdir.args[0]
	startswith(dir, "/")
	not contains(dir, "$")
}

# A COPY's sources as paths in the other stage's filesystem, from its root when relative: `/dir/*`
# and `/dir/.` copy what is in `/dir`, and `/` everything (the root is ``, as `lib.holders` names it).
source_roots(ins) := {source_root(trim(source, `"'`)) | some source in array.slice(ins.args, 0, count(ins.args) - 1)}

source_root(source) := trim_right(trim_suffix(trim_suffix(prefix_slash(source), "/*"), "/."), "/")

prefix_slash(source) := source if startswith(source, "/")

prefix_slash(source) := concat("/", ["", trim_prefix(source, "./")]) if not startswith(source, "/")
