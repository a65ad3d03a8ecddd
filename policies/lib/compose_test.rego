package container_policy.lib.compose_test

import data.container_policy.lib.compose as lib

doc := {"kind": "compose", "unresolved": [
	{"path": ["services", "web", "image"], "variables": ["TAG"]},
	{"path": ["services", "web", "environment", "1"], "variables": ["X"]},
]}

# What the loader marked, matched whatever the path's indices are written as; the text is not looked at.
test_unresolved_at_follows_the_loader_marks if {
	lib.unresolved_at(["services", "web", "image"]) with input as doc
	lib.unresolved_at(["services", "web", "environment", 1]) with input as doc
	lib.unresolved_at(["services", "web", "environment", "1"]) with input as doc
	not lib.unresolved_at(["services", "web", "environment", 0]) with input as doc
	not lib.unresolved_at(["services", "db", "image"]) with input as doc
	not lib.unresolved_at(["services", "web", "image"]) with input as {"kind": "compose"}
}

# A value the loader marked as set by a variable is "stored in a file" (a `.env` file or the
# configuration), matched whatever the path's indices are written as; anything else is literal.
test_value_origin_follows_the_interpolation_marks if {
	marked := {"kind": "compose", "interpolated": [{"path": ["services", "web", "environment", "1"], "sources": [{"name": "P", "file": ".env", "line": 2}]}]}
	lib.value_origin(["services", "web", "environment", 1]) == "a value stored in a file" with input as marked
	lib.value_origin(["services", "web", "environment", "1"]) == "a value stored in a file" with input as marked
	lib.value_origin(["services", "web", "environment", 0]) == "a literal value" with input as marked
	lib.value_origin(["services", "web", "environment", 1]) == "a literal value" with input as {"kind": "compose"}
}

test_host_path_rewritten_ignores_trailing_slashes if {
	not lib.host_path_rewritten("/etc/pihole/", "/etc/pihole")
	not lib.host_path_rewritten("/", "/")
	lib.host_path_rewritten("/srv/../var/run", "/var/run")
	lib.host_path_rewritten("./data", "data")
}
