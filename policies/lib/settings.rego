# Policy settings: values a team tunes without editing Rego (approved registries, exempt packages,
# secret patterns, ...). The action passes the user's values as data.container_policy.settings
# (from the configuration file); every key a rule reads has its default here, so a rule never
# depends on the user having set anything.
package container_policy.lib.settings

# Defaults per key. Each rule family adds the keys it reads, with a comment saying what it means.
defaults := {
	# Dockerfile: registries a base image may come from (CPD004).
	"dockerfile.trusted_registries": [
		"docker.io", "gcr.io", "ghcr.io", "mcr.microsoft.com", "public.ecr.aws",
		"quay.io", "registry.access.redhat.com", "registry.k8s.io", "cgr.dev",
	],
	# Dockerfile: `registry/repository` names (or prefixes ending in `/`) a base image must be one
	# of; empty means any image (CPD005).
	"dockerfile.approved_base_images": [],
	# Dockerfile: package names the pinning rules (CPD010-CPD016) do not flag.
	"dockerfile.unpinned_packages_exempt": [],
	# Dockerfile: regular expressions (case-insensitive) for ARG/ENV names that hold secrets (CPD031, CPD032).
	"dockerfile.secret_name_patterns": [
		`(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)($|_)`,
	],
	# Dockerfile: regular expressions for values that are credentials whatever their name (CPD031).
	"dockerfile.secret_value_patterns": [
		`AKIA[0-9A-Z]{16}`, `gh[pousr]_[A-Za-z0-9]{36}`, `github_pat_[A-Za-z0-9_]{40,}`,
		`xox[baprs]-[A-Za-z0-9-]{10,}`, `-----BEGIN [A-Z ]*PRIVATE KEY-----`, `sk_live_[A-Za-z0-9]{20,}`,
		`glpat-[A-Za-z0-9_-]{20}`, `npm_[A-Za-z0-9]{36}`,
	],
	# Dockerfile: directories WORKDIR must not be (CPD060): pseudo-filesystems and the system's own
	# binaries and libraries.
	"dockerfile.system_directories": [
		"/proc", "/sys", "/dev", "/boot", "/initrd", "/lost+found", "/bin", "/sbin",
		"/lib", "/lib64", "/usr/bin", "/usr/sbin", "/usr/lib",
	],
	# Compose: host directories a bind mount must not reach (CPC005); CIS 5.6's list plus the
	# daemon's state, root's home and the runtime directories.
	"compose.sensitive_host_paths": [
		"/", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr",
		"/var/lib/docker", "/root", "/var/run", "/run",
	],
	# Compose: registries a service image may come from; empty means any (CPC029).
	"compose.allowed_registries": [],
	# Compose: the most retries an on-failure restart policy may have (CPC017; CIS 5.15 says 5).
	"compose.max_restart_retries": 5,
	# Compose: regular expression (case-insensitive) for environment variable names that hold secrets (CPC030).
	"compose.secret_env_pattern": default_secret_name_pattern,
}

# For the default credential formats, text that any match contains (one of the strings listed).
# Rules test for it before running the pattern: the Wasm runtime compiles every pattern anew for each
# document (0.4 ms for these), and most values hold none of it. A pattern a team configures has no
# entry here and is always run.
# Lists rather than sets: they are only walked, and walking a set hashes each element again.
pattern_clues := {
	# Credential formats, matched as written.
	`AKIA[0-9A-Z]{16}`: ["AKIA"],
	`gh[pousr]_[A-Za-z0-9]{36}`: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
	`github_pat_[A-Za-z0-9_]{40,}`: ["github_pat_"],
	`xox[baprs]-[A-Za-z0-9-]{10,}`: ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"],
	`-----BEGIN [A-Z ]*PRIVATE KEY-----`: ["-----BEGIN "],
	`sk_live_[A-Za-z0-9]{20,}`: ["sk_live_"],
	`glpat-[A-Za-z0-9_-]{20}`: ["glpat-"],
	`npm_[A-Za-z0-9]{36}`: ["npm_"],
}

# The shortest text any pattern with clues above matches (`xox[baprs]-` and ten characters): a word
# shorter than this holds no match of theirs, so rules need not look for their clues in it.
shortest_clued_match := 15

# Whether `text` holds one of a pattern's clues (its entry in pattern_clues, or null for a pattern
# without clues, which may match anything): false only when the text cannot match the pattern.
holds_clue(null, _)

holds_clue(clues, text) if {
	some clue in clues
	contains(text, clue)
}

# The Dockerfile secret-name patterns as the rules match them, case-insensitively: built once per
# document rather than for every ARG and ENV.
dockerfile_secret_name_patterns := [concat("", ["(?i)", pattern]) |
	some pattern in value("dockerfile.secret_name_patterns")
]

# Whether `pattern` matches `text`, as regex.match does, for the secret-name patterns (the compose
# one, and the Dockerfile ones with `(?i)` put before them). The default is decided with string
# functions: the Wasm runtime compiles a pattern anew for every document that reaches it (0.2 ms for
# this one), and most Dockerfiles and compose files name a variable or two. A pattern a team
# configures is run.
secret_name_match(pattern, text) if {
	pattern == default_secret_name_pattern
	secret_name(text)
}

secret_name_match(pattern, text) if {
	pattern != default_secret_name_pattern
	regex.match(pattern, text)
}

default_secret_name_pattern := `(?i)(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)($|_)`

# What the default pattern matches: one of its words, in any case, as whole `_`-separated parts of
# the name (`DB_PASSWORD`, `github_token`); API, ACCESS and PRIVATE KEY also as two parts. Each part
# is split and case-folded once, and looked up in a set.
secret_name(name) if {
	parts := split(name, "_")
	folded := [upper(lower(part)) | some part in parts]
	some i, word in folded
	secret_word_at(parts, folded, i, word)
}

# Looked up in the sets rather than tested with `in`: the Wasm runtime's `in` walks a set element by
# element, hashing each one, where a lookup hashes the word once.
secret_word_at(parts, _, i, word) if {
	secret_name_parts[word]
	folds_like_the_pattern(parts[i])
}

secret_word_at(parts, folded, i, word) if {
	key_prefixes[word]
	folded[i + 1] == "KEY"
	folds_like_the_pattern(parts[i])
	folds_like_the_pattern(parts[i + 1])
}

secret_name_parts := {
	"PASSWORD", "PASSWD", "PASS", "PWD", "SECRET", "TOKEN", "APIKEY", "ACCESSKEY",
	"PRIVATEKEY", "CREDENTIAL", "CREDENTIALS", "AUTH",
}

key_prefixes := {"API", "ACCESS", "PRIVATE"}

# Lower- then upper-casing folds a part as the pattern's `(?i)` does, also the Kelvin sign (to K) and
# the long s (to S), but it takes a few other characters outside ASCII to ASCII letters (the dotted
# capital I, the dotless i) that the pattern's case folding keeps apart. Under that folding the Kelvin
# sign and the long s are the only characters outside ASCII that match a letter, so a part matches
# only if, with those two replaced, it is ASCII letters.
folds_like_the_pattern(part) if {
	ascii := strings.replace_n({"\u017f": "s", "\u212a": "k"}, part)
	trim_left(ascii, ascii_letters) == ""
}

ascii_letters := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

# The configured value for `key` (even `false` or an empty list), or its default.
value(key) := v if {
	v := data.container_policy.settings[key]
} else := defaults[key]
