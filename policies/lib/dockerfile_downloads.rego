# Downloads inside RUN: which curl/wget commands save a file (and where), or stream into an
# extractor, and whether the same RUN verifies what it fetched.
package container_policy.lib.dockerfile_downloads

import data.container_policy.lib.dockerfile as lib

# {"cmd": cmd, "file": path} for each file a curl/wget command writes. A list, as lib.commands is:
# iterating a set of objects costs a deep hash per element in the Wasm runtime.
saves := [{"cmd": cmd, "file": file} |
	some cmd in lib.commands_of(["curl", "wget"])
	some named in outputs(cmd)
	some file in saved_as(cmd, named)
]

# What a command writes to standard output ("-") is saved where a redirection sends it
# (`curl -fsSL URL > app.tgz`, `wget -qO- URL >> install.sh`), or else by the `tee` it is piped into
# (`curl -fsSL URL | tee install.sh`, which also passes it on down the pipe).
saved_as(cmd, "-") := {file} if {
	file := stdout_file(cmd)
} else := tee_files(cmd)

saved_as(_, named) := {named} if named != "-"

# The files a `tee` right after the command in its pipeline writes: its operands, devices aside.
tee_files(cmd) := {w |
	next := lib.pipe_member[[cmd.ins, cmd.pipeline, cmd.position + 1]]
	next.program == "tee"
	some w in array.slice(next.words, 1, count(next.words))
	not startswith(w, "-")
	not startswith(w, "/dev/")
}

# curl -o FILE / -fsSLo FILE / --output FILE; wget -O FILE / -qO FILE / --output-document=FILE;
# otherwise the URL's name when the command saves under it (a command may name several); otherwise,
# for curl, standard output.
outputs(cmd) := named if {
	named := explicit_outputs(cmd)
	count(named) > 0
} else := {lib.basename(url(cmd))} if {
	remote_name(cmd)
} else := {"-"} if {
	cmd.program == "curl"
} else := set()

# The file standard output goes to: the last redirection of it wins, as the shell applies them in
# order. Not a file when it goes to another descriptor (`>&2`) or a device (`> /dev/null`).
stdout_file(cmd) := last.to if {
	targets := [r | some r in cmd.redirects; redirects_stdout(r)]
	count(targets) > 0
	last := targets[count(targets) - 1]
	last.op != ">&"
	not startswith(last.to, "/dev/")
}

redirects_stdout(r) if {
	stdout_operators[r.op]
	object.get(r, "fd", 1) == 1
}

# `&>` and `&>>` send standard error there too; `>&` duplicates a descriptor.
stdout_operators := {">", ">>", ">|", "&>", "&>>", ">&"}

explicit_outputs(cmd) := ({f | some i, w in cmd.words; value_flag(w, cmd.program); f := cmd.words[i + 1]} | {f |
	some w in cmd.words
	some prefix in output_prefixes
	startswith(w, prefix)
	f := substring(w, count(prefix), -1)
}) | {f |
	cmd.program == "wget"
	some w in cmd.words
	f := joined_output(w)
}

# wget's `-O` with its value in the same word (`-qO-`, `-Ofile`): what `^-[a-zA-Z]*O(.+)$` captures,
# found with string functions because the Wasm runtime compiles a pattern anew for every document.
# As in that pattern, the flag is the last `O` among the letters after the dash that leaves something
# after it, and the value (the rest of the word) holds no newline, which `.` does not match.
joined_output(w) := value if {
	startswith(w, "-")
	count(w) > 2
	rest := substring(w, 1, -1)
	letters := count(rest) - count(trim_left(rest, lib.ascii_letters))
	flag_region := substring(rest, 0, min([letters, count(rest) - 1]))
	parts := split(flag_region, "O")
	count(parts) > 1
	value := substring(rest, count(flag_region) - count(parts[count(parts) - 1]), -1)
	not contains(value, "\n")
}

# The flag that names the output file: curl `-o`, wget `-O`, alone or ending a group of short flags
# (`-fsSLo`).
value_flag(w, program) if {
	endswith(w, output_flag_letters[program])
	lib.short_flag_group(w)
}

value_flag(w, "curl") if w == "--output"

value_flag(w, "wget") if w == "--output-document"

output_flag_letters := {"curl": "o", "wget": "O"}

# Named once, as lists, like url_schemes below.
output_prefixes := ["--output=", "--output-document="]

# curl -O / --remote-name saves under the URL's name; wget does unless told otherwise.
remote_name(cmd) if {
	cmd.program == "curl"
	some w in cmd.words
	remote_name_flag(w)
}

# `-O`, alone or in a group of short flags (`-sLO`), `--remote-name`, `--remote-name-all`.
remote_name_flag(w) if {
	contains(w, "O")
	lib.short_flag_group(w)
}

remote_name_flag(w) if remote_name_long_flags[w]

remote_name_long_flags := {"--remote-name", "--remote-name-all"}

remote_name(cmd) if cmd.program == "wget"

# The last URL a command names.
url(cmd) := urls[count(urls) - 1] if {
	urls := [w | some w in cmd.words; is_url(w)]
	count(urls) > 0
}

# curl/wget whose output goes straight into an extractor (`curl -sL u | tar xz`).
streams_into_extractor := [cmd |
	some cmd in lib.commands_of(["curl", "wget"])
	cmd.pipelineSize > 1
	feeds_extractor(cmd)
]

feeds_extractor(cmd) if {
	next := lib.pipe_member[[cmd.ins, cmd.pipeline, cmd.position + 1]]
	extractors[next.program]
}

# A checksum or signature check anywhere in the same RUN.
verified(ins_index) if verifying_instructions[ins_index]

# The RUN instructions that run a verifier, found once per document from the index of commands by
# program, rather than by walking a RUN's commands for each download in it.
verifying_instructions contains cmd.ins if {
	some cmd in lib.commands_of(verifiers)
}

# Named once rather than written in the loops above, where a set literal is built for every command.
# Looked up (`extractors[p]`) rather than tested with `in`: the Wasm runtime's `in` walks a set,
# hashing each element, where a lookup hashes once.
extractors := {"tar", "unzip", "bsdtar", "gunzip", "zcat", "xz", "bzip2", "funzip", "cpio"}

verifiers := {"sha256sum", "sha512sum", "sha384sum", "sha1sum", "shasum", "b2sum", "gpg", "gpgv", "cosign", "minisign", "signify", "sha256", "openssl", "rpm"}

# Checksum and signature files need no checksum of their own.
is_signature(file) if {
	some extension in {".asc", ".sig", ".sign", ".sha256", ".sha512", ".sha1", ".md5", ".sha256sum", ".sha512sum", ".pem", ".gpg", ".key"}
	endswith(file, extension)
}

# String tests here rather than regular expressions: the Wasm runtime compiles each pattern anew for
# every document.
is_url(w) if {
	some scheme in url_schemes
	startswith(w, scheme)
}

# Named once, and a list: a literal in a rule body is built each time the body runs (here for every
# word of every curl and wget command), and walking a set hashes each element again.
url_schemes := ["http://", "https://", "ftp://"]

# Whether an `rm` in the same RUN removes `file`: by name, or as lib.rm_removes. Looked up in tables
# of every RUN's `rm` words built once: going through the RUN's commands for each download took time
# in the square of them.
removed(ins_index, file) if rm_names[[ins_index, lib.basename(file)]]

removed(ins_index, file) if lib.rm_removes(ins_index, file)

# An unquoted `*` is the shell's: `rm -f app.deb*` and `rm *.tgz` remove the download. Names are
# compared without their directories, as rm_names does: the file may be named from another WORKDIR.
removed(ins_index, file) if {
	name := lib.basename(file)
	rm_globs[[ins_index, before, after]]
	startswith(name, before)
	endswith(name, after)
	count(name) >= count(before) + count(after)
}

# `[instruction, before, after]` for every `rm` word whose name is one `*` between two literal parts,
# not both empty (a bare `*` empties a directory: lib.rm_removes).
rm_globs contains [c.ins, parts[0], parts[1]] if {
	some c in lib.commands_of(["rm"])
	some w in c.words
	contains(w, "*")
	not startswith(w, "-")
	parts := split(lib.basename(w), "*")
	count(parts) == 2
	parts != ["", ""]
	not contains(w, "?")
	not contains(w, "[")
}

rm_names contains [c.ins, lib.basename(w)] if {
	some c in lib.commands_of(["rm"])
	some w in c.words
	not startswith(w, "-")
}
