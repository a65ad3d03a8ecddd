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
kept(cmd, files) := [file | some file in files; not removed(cmd.ins, trim_right(file, "/"))]

removed(ins_index, file) if {
	some c in lib.instruction_commands(ins_index)
	c.program == "rm"
	some w in c.words
	not startswith(w, "-")
	holds(trim_right(w, "/"), file)
}

holds(path, path)

holds(dir, file) if startswith(file, concat("", [dir, "/"]))

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
