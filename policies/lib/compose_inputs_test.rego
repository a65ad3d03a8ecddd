# Builders for compose input documents with the normalised service views the parser adds
# (src/parse/compose/normalise.ts). The `_test.rego` suffix keeps this file out of the Wasm bundle.
package container_policy.lib.compose_inputs_test

# A compose document of the given normalised services (see svc).
doc(services) := {"kind": "compose", "path": "compose.yaml", "data": {}, "services": {s.name: s | some s in services}}

# A normalised service: the parser's defaults with `fields` on top.
svc(name, fields) := object.union(defaults(name), fields)

defaults(name) := {
	"name": name,
	"path": ["services", name],
	"profiles": [],
	"image": null,
	"build": false,
	"pull_policy": null,
	"user": null,
	"privileged": null,
	"read_only": null,
	"cap_add": [],
	"cap_drop": [],
	"security_opt": [],
	"network_mode": null,
	"networks": [],
	"pid": null,
	"ipc": null,
	"uts": null,
	"userns_mode": null,
	"cgroup": null,
	"cgroup_parent": null,
	"ports": [],
	"expose": [],
	"volumes": [],
	"environment": {},
	"command": [],
	"entrypoint": [],
	"labels": {},
	"build_args": {},
	"build_privileged": null,
	"build_entitlements": [],
	"build_network": null,
	"env_file": [],
	"healthcheck": null,
	"ulimits": {},
	"devices": [],
	"device_cgroup_rules": [],
	"limits": {"memory": null, "cpus": null, "pids": null},
	"restart": null,
	"restart_policies": [],
	"logging": null,
	"sysctls": {},
	"tmpfs": [],
}

# One finding's path from a rule's findings over `services`.
paths(findings) := {f.path | some f in findings}
