# Helpers over the compose input document (src/parse/input-document.ts, ComposeDocument).
package container_policy.lib.compose

# `Service "<name>" <text>`, how most compose messages start. Built with concat rather than sprintf:
# sprintf is a call out of the Wasm module into JavaScript, several times the cost, and these
# messages are written for nearly every service.
service_message(name, text) := concat("", ["Service \"", name, "\" ", text])

# The normalised view of each service (input.services, built by src/parse/compose/normalise.ts):
# ports, volumes, limits, restart, ... in one shape whatever syntax the file used.
normalised[name] := svc if {
	is_object(input.services)
	some name, svc in input.services
}

# A value still holding a variable nothing sets: unknown rather than bad, so rules do not judge it.
# What `\$\{?[A-Za-z_]` matches (a `$`, perhaps a `{`, then a letter or `_`), tested with string
# functions because the Wasm runtime compiles a pattern anew for every document.
unresolved(value) if {
	is_string(value)
	contains(value, "$")
	some i, after_dollar in split(value, "$")
	i > 0
	name := trim_prefix(after_dollar, "{")
	name != ""
	contains(name_start_chars, substring(name, 0, 1))
}

name_start_chars := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"

# The security_opt entries of a service with the given key (`seccomp`, `apparmor`, `label`, ...).
security_opts(svc, key) := [o | some o in svc.security_opt; o.key == key]

# Every restart policy a service writes (`restart` and `deploy.restart_policy`); documents built
# by hand may carry only the effective one.
restart_policies(svc) := svc.restart_policies if {
	count(svc.restart_policies) > 0
} else := [svc.restart] if {
	is_object(svc.restart)
} else := []

# A resource limit that is set to "unlimited": 0 or a negative number (-1 for pids_limit).
unlimited(limit) if {
	is_number(limit.value)
	limit.value <= 0
}
