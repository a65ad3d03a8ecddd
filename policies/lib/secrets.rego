# Secrets written into what a build receives (a Dockerfile's ARG, ENV and RUN, a compose service's
# build.args): the value ends up in the repository and in the image's history.
package container_policy.lib.secrets

import data.container_policy.lib.dockerfile
import data.container_policy.lib.settings

# Why `name=value` is a secret written as a literal, or undefined.
literal_secret(name, value) := secret_described(name, value, "a literal value")

# literal_secret, with the value named as the caller knows it came (lib.compose value_origin).
secret_described(name, value, origin) := concat("", ["has a secret-looking name and ", origin]) if {
	some pattern in settings.dockerfile_secret_name_patterns
	settings.secret_name_match(pattern, name)
	value != ""
	not regex.match(`^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$`, value)
	not lower(value) in {"true", "false", "yes", "no", "0", "1"}
} else := format_reason if {
	credential_format(value)
}

# `[name, value]` of an ARG or ENV word `NAME=value`, else undefined (a bare `NAME` has no value).
declared_pair(arg) := [substring(arg, 0, i), substring(arg, i + 1, -1)] if {
	i := indexof(arg, "=")
	i > 0
}

# What rules say of a value that matches a credential format (never the value itself).
format_reason := concat("", ["has ", format_value])

# Whether `value` matches a known credential format (setting `dockerfile.secret_value_patterns`:
# AWS keys, GitHub and GitLab tokens, ...), whatever it is named.
credential_format(value) if {
	some [pattern, clues] in value_patterns
	may_hold(clues, value)
	regex.match(pattern, value)
}

# Whether `value` may match a pattern with `clues` (null for a team's own pattern, always tried).
may_hold(null, _)

may_hold(clues, value) if {
	count(value) >= settings.shortest_clued_match
	settings.holds_clue(clues, value)
}

# The credential formats with their clues (settings.pattern_clues), looked up once per document
# rather than once per value: the key is a whole pattern, hashed on every lookup.
value_patterns := [[pattern, object.get(settings.pattern_clues, pattern, null)] |
	some pattern in settings.value("dockerfile.secret_value_patterns")
]

# What a word written in a Dockerfile gives away, as a message about `subject` (the program or the
# instruction given it), or undefined: a URL with a credential or a password option. String tests
# first: most words hold neither `@` nor a leading `--pass`, and the Wasm runtime compiles a pattern
# anew for every document. One answer per word (an `else`), so that a word that is both never fails
# the evaluation.
credential_message(subject, words, i, w) := sprintf("%s is given %s", [subject, what]) if {
	what := given_credential(words, i, w)
}

# What the word `w` of `words` gives away as a program's argument: a URL with a credential or a
# password option, or undefined.
given_credential(words, i, w) := url if {
	url := url_credential(w)
} else := "a password with --password" if {
	startswith(w, "--pass")
	password_value(words, i, w)
}

# The same for a word of a command given to a container, where a value of a known credential
# format is also looked for (its words are few: no once-per-file test first).
word_credential(words, i, w) := what if {
	what := given_credential(words, i, w)
} else := format_value if {
	credential_format(w)
}

# What a value gives away whatever its name: a URL with a credential or a known format.
value_credential(value) := url if {
	url := url_credential(value)
} else := format_value if {
	credential_format(value)
}

format_value := "a value that matches a credential format"

# The same for a word of a credential format, when credential_message has nothing to say of it.
# Rules ask only where some_format_may_match: outside their loop over words, so that a file without
# a clue of any format costs one search per clue and nothing per word.
format_message(subject, words, i, w) := sprintf("%s %s %s", [subject, name, format_reason]) if {
	not given_credential(words, i, w)
	[name, value] := short_assignment(w)
	word_format(value)
} else := sprintf("%s is given %s", [subject, format_value]) if {
	not given_credential(words, i, w)
	word_format(w)
}

# Whether `value`, a word of this Dockerfile, matches a credential format that may match here.
word_format(value) if {
	some [pattern, clues] in dockerfile_patterns
	may_hold(clues, value)
	regex.match(pattern, value)
}

some_format_may_match if count(dockerfile_patterns) > 0

# The credential formats that may match a word of this Dockerfile: those with a clue somewhere in
# its words, found in one pass per clue over them all, and those without clues. Most files hold no
# clue at all: trying the formats on each long word of the corpus's Dockerfiles cost the Wasm module
# ~0.4 s, these passes ~0.15 s. A word without a format's clue is never tried on it, so the shortcut
# loses no match.
dockerfile_patterns := [[pattern, clues] |
	some [pattern, clues] in value_patterns
	clue_in_words(clues)
]

clue_in_words(null)

clue_in_words(clues) if {
	some clue in clues
	contains(dockerfile_words, clue)
}

# Every word the rules read, in one text: the words of RUN commands, the arguments of every other
# instruction and the files COPY and ADD write from heredocs, joined a command or an instruction at
# a time (an iteration per word cost more than the searches it would save).
dockerfile_words := concat("\n", [
	concat("\n", [concat(" ", cmd.raw) | some cmd in dockerfile.commands]),
	concat("\n", [concat(" ", ins.args) | some ins in input.instructions; ins.keyword != "RUN"]),
	concat("\n", [doc.body | some ins in input.instructions; ins.keyword in {"ADD", "COPY"}; some doc in ins.heredocs]),
])

# `NAME=value` with a name short enough to quote in a message (a word can be megabytes long).
short_assignment(w) := [name, substring(w, i + 1, -1)] if {
	i := indexof(w, "=")
	i > 0
	i <= 64
	name := substring(w, 0, i)
	not contains(name, " ")
}

# "a URL with a credential for <host>" for a word that is one, else undefined. The `@` test first:
# most words hold none.
url_credential(w) := sprintf("a URL with a credential for %s", [host]) if {
	contains(w, "@")
	host := url_credential_host(w)
}

# The host of `scheme://user:password@host/...` with a literal password, or of
# `scheme://token@host/...` whose user is a token of a known format. A "host" of digits is none: it
# is a port written after an address (mitmproxy's `--mode reverse:https://example.org:443@8443`).
url_credential_host(w) := host if {
	scheme_end := indexof(w, "://")
	scheme_end > 0
	rest := substring(w, scheme_end + 3, -1)
	at := indexof(rest, "@")
	at > 0
	userinfo := substring(rest, 0, at)
	not contains(userinfo, "/")
	literal(userinfo)
	holds_credential(userinfo)
	host := split(substring(rest, at + 1, -1), "/")[0]
	trim(host, "0123456789") != ""
}

holds_credential(userinfo) if {
	colon := indexof(userinfo, ":")
	colon >= 0
	colon < count(userinfo) - 1
}

holds_credential(userinfo) if {
	not contains(userinfo, ":")
	credential_format(userinfo)
}

# `--password=VALUE` or `--password VALUE` (also `--passwd`), the value a literal.
password_value(_, _, w) if {
	some prefix in ["--password=", "--passwd="]
	startswith(w, prefix)
	value := substring(w, count(prefix), -1)
	value != ""
	literal(value)
}

password_value(words, i, w) if {
	password_flags[w]
	value := words[i + 1]
	not startswith(value, "-")
	literal(value)
}

password_flags := {"--password", "--passwd"}

# A value the build or the container does not compute: no expansion, no substitution.
literal(value) if {
	not contains(value, "$")
	not contains(value, "`")
}
