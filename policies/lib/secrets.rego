# Secrets written into what a build receives (a Dockerfile's ARG, ENV and RUN, a compose service's
# build.args): the value ends up in the repository and in the image's history.
package container_policy.lib.secrets

import data.container_policy.lib.settings

# Why `name=value` is a secret written as a literal, or undefined.
literal_secret(name, value) := "has a secret-looking name and a literal value" if {
	some pattern in settings.dockerfile_secret_name_patterns
	settings.secret_name_match(pattern, name)
	value != ""
	not regex.match(`^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$`, value)
	not lower(value) in {"true", "false", "yes", "no", "0", "1"}
} else := "has a value that matches a credential format" if {
	credential_format(value)
}

# Whether `value` matches a known credential format (setting `dockerfile.secret_value_patterns`:
# AWS keys, GitHub and GitLab tokens, ...), whatever it is named.
credential_format(value) if {
	some [pattern, clues] in value_patterns
	settings.holds_clue(clues, value)
	regex.match(pattern, value)
}

# The credential formats with their clues (settings.pattern_clues), looked up once per document
# rather than once per value: the key is a whole pattern, hashed on every lookup.
value_patterns := [[pattern, object.get(settings.pattern_clues, pattern, null)] |
	some pattern in settings.value("dockerfile.secret_value_patterns")
]
