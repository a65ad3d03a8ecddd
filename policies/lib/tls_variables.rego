# Environment variables that turn a tool's TLS certificate verification off, for the rules about a
# Dockerfile (ENV, ARG, `export`, set before a command) and about a compose service's environment.
package container_policy.lib.tls_variables

# The tool whose verification `name=value` turns off, or undefined. What turns it off: one value, any
# value at all (git only asks whether GIT_SSL_NO_VERIFY is set), or any but the empty one. npm and
# yarn read their variables in any case.
tool_turned_off(name, value) := tool if {
	[tool, off] := tls_off_variables[name]
	variable_turns_off(off, value)
} else := tool if {
	[tool, off] := tls_off_variables_any_case[upper(name)]
	variable_turns_off(off, lower(value))
}

# Whether `name` is one of the variables, whatever its value.
known(name) if tls_off_variables[name]

known(name) if tls_off_variables_any_case[upper(name)]

variable_turns_off("set", _)

variable_turns_off("non-empty", value) if value != ""

variable_turns_off(off, value) if off == value

tls_off_variables := {
	"NODE_TLS_REJECT_UNAUTHORIZED": ["Node.js", "0"],
	"PYTHONHTTPSVERIFY": ["Python", "0"],
	"GIT_SSL_NO_VERIFY": ["git", "set"],
	"PIP_TRUSTED_HOST": ["pip", "non-empty"],
	"GOINSECURE": ["go", "non-empty"],
}

tls_off_variables_any_case := {
	"NPM_CONFIG_STRICT_SSL": ["npm", "false"],
	"YARN_STRICT_SSL": ["yarn", "false"],
	"YARN_ENABLE_STRICT_SSL": ["yarn", "false"],
}
