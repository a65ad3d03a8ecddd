# Shared helpers of the built-in daemon policy: reading the request and the settings.
package docker.authz.lib

# Defaults of every setting the rules read; data.docker.authz.settings overrides them key by key.
defaults := {
	# seccomp: profiles (the value after `seccomp=`) a container may use; empty means any except unconfined.
	"seccomp.approved_profiles": [],
	# privileged: images (repository, without tag) allowed to run privileged.
	"privileged.approved_images": [],
	# privileged: a label that, with a non-empty value, justifies running privileged; "" disables.
	"privileged.justification_label": "",
	# host_mounts: host paths no bind may mount or sit under ("/" only as itself).
	"host_mounts.blocked_paths": [
		"/", "/etc", "/proc", "/sys", "/boot", "/dev", "/root", "/var/lib/docker",
		"/var/run/docker.sock", "/run/docker.sock", "/run/containerd",
	],
	# host_mounts: when not empty, every bind must be one of these paths or under one.
	"host_mounts.allowed_paths": [],
	# readonly_users: users who may only read (GET and HEAD requests).
	"readonly_users.users": [],
	# rbac: operations (`containers/create`, `images/*`, `*`) each role may perform.
	"rbac.roles": {},
	# rbac: roles per user; when empty, role-based access is not enforced.
	"rbac.user_roles": {},
	# capabilities: capabilities every container must drop (`ALL` satisfies any).
	"capabilities.required_drops": [],
	# capabilities: capabilities a container may add (Docker's default set).
	"capabilities.allowed_adds": [
		"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
		"NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
	],
	# apparmor: the profile every container must use; "" accepts any but unconfined.
	"apparmor.required_profile": "",
	# selinux: label types that disable confinement.
	"selinux.blocked_types": ["spc_t", "unconfined_t"],
	# network_mode: network modes a container may not use.
	"network_mode.blocked": ["host"],
	# resources: require a memory limit, and the largest allowed (bytes, 0 = no cap).
	"resources.require_memory_limit": true,
	"resources.max_memory_bytes": 0,
	# resources: require a CPU limit (NanoCpus or CpuQuota), and the largest NanoCpus (0 = no cap).
	"resources.require_cpu_limit": false,
	"resources.max_nano_cpus": 0,
	# image_scan: per image (as written in the request), {"status": "passed" | "failed" | ...}.
	"image_scan.results": {},
	# image_scan: refuse images without a passed scan result.
	"image_scan.required": false,
	# image_signature: per image, {"signed": true, "signer": "..."}; and the label alternative.
	"image_signature.images": {},
	"image_signature.required": false,
	# image_signature: a container label whose presence attests the signature; "" disables.
	"image_signature.label": "",
	# registries: registries images may come from.
	"registries.trusted": [
		"docker.io", "gcr.io", "ghcr.io", "mcr.microsoft.com", "public.ecr.aws",
		"quay.io", "registry.access.redhat.com", "registry.k8s.io", "cgr.dev",
	],
	# runtimes: OCI runtimes a container may request ("" is the daemon's default).
	"runtimes.allowed": ["", "runc", "io.containerd.runc.v2", "runsc", "kata-runtime"],
	# ports: host ports below 1024 that may be published anyway.
	"ports.allowed_privileged": [80, 443],
	# ports: host ports that may never be published (SSH, Telnet, Docker API, RDP, VNC, kubelet, etcd).
	"ports.sensitive": [22, 23, 2375, 2376, 2379, 3389, 5900, 6443, 10250],
	# devices: host devices a container may be given.
	"devices.allowed": [],
	# namespaces: host namespaces (`pid`, `ipc`, `userns`, `uts`) a container may share.
	"namespaces.allowed_host": [],
}

setting(key) := value if {
	value := data.docker.authz.settings[key]
} else := defaults[key]

# A container create request, whatever the API version in the path.
is_create if glob.match("/v*/containers/create", ["/"], input.PathPlain)

is_create if input.PathPlain == "/containers/create"

# An image build request (`docker build` with the classic builder, or BuildKit through the Engine
# API's `/build`), whatever the API version in the path.
is_build if glob.match("/v*/build", ["/"], input.PathPlain)

is_build if input.PathPlain == "/build"

# The values of a query parameter, as opa-docker-authz parses them (`Query`: name → list of values).
query(name) := object.get(object.get(input, "Query", {}), name, [])

host_config := object.get(object.get(input, "Body", {}), "HostConfig", {})

body := object.get(input, "Body", {})

labels := object.get(body, "Labels", {})

# The user: the authenticated one, else the Authz-User header a proxy sets.
user := input.User if input.User != ""

user := input.Headers["Authz-User"] if {
	object.get(input, "User", "") == ""
}

# The values of the security options named `name`: `seccomp=x` or `seccomp:x` → x. An option may be
# written more than once (several `label=` parts are usual; the daemon applies the last `seccomp=` or
# `apparmor=`), so every value is returned and the rules check each one: an unconfined value written
# anywhere is refused.
security_opt_values(name) := {value |
	some opt in object.get(host_config, "SecurityOpt", [])
	regex.match(sprintf("^%s[=:]", [name]), opt)
	value := substring(opt, count(name) + 1, -1)
}

# Capability names as the daemon compares them.
cap_name(cap) := trim_prefix(upper(cap), "CAP_")

# Whether a path is `prefix` or under it (`/` only matches itself).
under(path, prefix) if path == prefix

under(path, prefix) if {
	prefix != "/"
	startswith(path, concat("", [trim_suffix(prefix, "/"), "/"]))
}

# An image reference without its tag or digest, and its registry (docker.io when none is written).
image := object.get(body, "Image", "")

image_repository := repository if {
	parts := split(split(image, "@")[0], "/")
	name := split(parts[count(parts) - 1], ":")[0]
	repository := concat("/", array.concat(array.slice(parts, 0, count(parts) - 1), [name]))
}

image_registry := registry if {
	first := split(image, "/")[0]
	count(split(image, "/")) > 1
	regex.match(`[.:]|^localhost$`, first)
	registry := first
} else := "docker.io"
