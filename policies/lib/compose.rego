# Helpers over the compose input document (src/parse/input-document.ts, ComposeDocument).
package container_policy.lib.compose

# Each service definition by name. A `services` key that is not a mapping yields nothing; the parser
# reports malformed files itself.
services[name] := svc if {
	is_object(input.data.services)
	some name, svc in input.data.services
	is_object(svc)
}

# A compose boolean: YAML `true`, or the string "true" that templated and quoted values produce.
truthy(value) if value == true

truthy(value) if {
	is_string(value)
	lower(trim_space(value)) == "true"
}

# The normalised view of each service (input.services, built by src/parse/compose/normalise.ts):
# ports, volumes, limits, restart, ... in one shape whatever syntax the file used.
normalised[name] := svc if {
	is_object(input.services)
	some name, svc in input.services
}

# A value still holding a variable nothing sets: unknown rather than bad, so rules do not judge it.
unresolved(value) if {
	is_string(value)
	regex.match(`\$\{?[A-Za-z_]`, value)
}

# The security_opt entries of a service with the given key (`seccomp`, `apparmor`, `label`, ...).
security_opts(svc, key) := [o | some o in svc.security_opt; o.key == key]
