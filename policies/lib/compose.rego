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
