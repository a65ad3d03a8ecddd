# Policy settings: values a team tunes without editing Rego (approved registries, exempt packages,
# secret patterns, ...). The action passes the user's values as data.container_policy.settings
# (from the configuration file); every key a rule reads has its default here, so a rule never
# depends on the user having set anything.
package container_policy.lib.settings

# Defaults per key. Each rule family adds the keys it reads, with a comment saying what it means.
defaults := {}

# The configured value for `key` (even `false` or an empty list), or its default.
value(key) := v if {
	v := data.container_policy.settings[key]
} else := defaults[key]
