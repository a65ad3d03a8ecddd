package docker.authz.lib_test

import data.docker.authz.lib

# A create request as opa-docker-authz hands it over, with `body` merged over a minimal one.
create(body) := request({"Content-Type": "application/json", "Authz-User": "alice"}, object.union({"Image": "nginx:1.27", "HostConfig": {"Memory": 268435456}}, body))

# A create request with exactly these headers and body.
request(headers, body) := {
	"Method": "POST",
	"Path": "/v1.47/containers/create?name=web",
	"PathPlain": "/v1.47/containers/create",
	"PathArr": ["", "v1.47", "containers", "create"],
	"Query": {"name": ["web"]},
	"Headers": headers,
	"User": "",
	"AuthMethod": "",
	"Body": body,
	"BindMounts": [],
}

# A `docker build --network <mode>` as opa-docker-authz hands it over: the context is a tar, so no body.
build(query) := {
	"Method": "POST",
	"Path": "/v1.47/build?networkmode=host&t=app",
	"PathPlain": "/v1.47/build",
	"PathArr": ["", "v1.47", "build"],
	"Query": query,
	"Headers": {"Content-Type": "application/x-tar", "Authz-User": "alice"},
	"User": "",
	"AuthMethod": "",
	"Body": null,
	"BindMounts": [],
}

host(config) := create({"HostConfig": object.union({"Memory": 268435456}, config)})

test_is_create_any_version if {
	lib.is_create with input as create({})
	lib.is_create with input as {"PathPlain": "/containers/create"}
	not lib.is_create with input as {"PathPlain": "/v1.47/containers/json"}
}

test_user_from_tls_then_header if {
	lib.user == "alice" with input as create({})
	lib.user == "bob" with input as object.union(create({}), {"User": "bob"})
}

test_settings_default_and_override if {
	lib.setting("network_mode.blocked") == ["host"]
	lib.setting("network_mode.blocked") == [] with data.docker.authz.settings as {"network_mode.blocked": []}
}

test_security_opt_both_separators if {
	lib.security_opt_values("seccomp") == {"unconfined"} with input as host({"SecurityOpt": ["seccomp=unconfined"]})
	lib.security_opt_values("apparmor") == {"p"} with input as host({"SecurityOpt": ["apparmor:p"]})
	lib.security_opt_values("seccomp") == set() with input as host({"SecurityOpt": ["apparmor:p", "no-new-privileges"]})
}

# An option written more than once is not a conflict (it had made every rule that read it fail to
# evaluate): each value is kept.
test_security_opt_repeated if {
	opts := ["label=level:s0:c100,c200", "label=type:svirt_apache_t", "seccomp=a.json", "seccomp:b.json"]
	lib.security_opt_values("label") == {"level:s0:c100,c200", "type:svirt_apache_t"} with input as host({"SecurityOpt": opts})
	lib.security_opt_values("seccomp") == {"a.json", "b.json"} with input as host({"SecurityOpt": opts})
}

test_under if {
	lib.under("/etc/ssl", "/etc")
	lib.under("/", "/")
	not lib.under("/etcetera", "/etc")
	not lib.under("/srv", "/")
}

test_image_parts if {
	lib.image_repository == "registry.acme.example:5000/team/app" with input as create({"Image": "registry.acme.example:5000/team/app:1.2@sha256:abc"})
	lib.image_registry == "registry.acme.example:5000" with input as create({"Image": "registry.acme.example:5000/team/app:1.2"})
	lib.image_registry == "docker.io" with input as create({"Image": "library/nginx"})
	lib.image_registry == "docker.io" with input as create({"Image": "nginx"})
}

test_is_build_any_version if {
	lib.is_build with input as {"PathPlain": "/v1.47/build"}
	lib.is_build with input as {"PathPlain": "/build"}
	not lib.is_build with input as {"PathPlain": "/v1.47/build/prune"}
	not lib.is_build with input as {"PathPlain": "/v1.47/containers/create"}
}

test_query_values_or_none if {
	lib.query("networkmode") == ["host"] with input as {"Query": {"networkmode": ["host"]}}
	lib.query("networkmode") == [] with input as {"Query": {"t": ["app"]}}
	lib.query("networkmode") == [] with input as {"PathPlain": "/build"}
}
