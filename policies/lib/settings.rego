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
	"compose.secret_env_pattern": `(?i)(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)($|_)`,
}

# For default patterns, text that any match contains (one of the strings listed). Rules test for it
# before running the pattern: the Wasm runtime compiles every pattern anew for each document (0.1 ms
# for the secret names, 0.4 ms for the credential formats), and most names and values hold none of
# it. A pattern a team configures has no entry here and is always run.
pattern_clues := {
	# Secret names, matched case-insensitively (see may_match_any_case).
	`(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)($|_)`: secret_name_words,
	`(?i)(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)($|_)`: secret_name_words,
	# Credential formats, matched as written.
	`AKIA[0-9A-Z]{16}`: {"AKIA"},
	`gh[pousr]_[A-Za-z0-9]{36}`: {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"},
	`github_pat_[A-Za-z0-9_]{40,}`: {"github_pat_"},
	`xox[baprs]-[A-Za-z0-9-]{10,}`: {"xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"},
	`-----BEGIN [A-Z ]*PRIVATE KEY-----`: {"-----BEGIN "},
	`sk_live_[A-Za-z0-9]{20,}`: {"sk_live_"},
	`glpat-[A-Za-z0-9_-]{20}`: {"glpat-"},
	`npm_[A-Za-z0-9]{36}`: {"npm_"},
}

secret_name_words := {"PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "AUTH"}

# Whether `pattern` (case-sensitive) can match `text`: false only when the pattern has clues and
# `text` holds none of them.
may_match(pattern, _) if not pattern_clues[pattern]

may_match(pattern, text) if {
	some clue in pattern_clues[pattern]
	contains(text, clue)
}

# The same for a pattern matched case-insensitively. Case folding also matches `K` to the Kelvin sign
# and `S` to the long s: lower-casing turns the one into `k`, upper-casing the other into `S`, so a
# clue is looked for in both.
may_match_any_case(pattern, _) if not pattern_clues[pattern]

may_match_any_case(pattern, text) if {
	some clue in pattern_clues[pattern]
	contains(upper(text), upper(clue))
}

may_match_any_case(pattern, text) if {
	some clue in pattern_clues[pattern]
	contains(lower(text), lower(clue))
}

# The configured value for `key` (even `false` or an empty list), or its default.
value(key) := v if {
	v := data.container_policy.settings[key]
} else := defaults[key]
