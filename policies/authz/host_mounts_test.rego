package docker.authz.rules.host_mounts_test

import data.docker.authz.lib_test.create
import data.docker.authz.rules.host_mounts

mounts(list) := object.union(create({}), {"BindMounts": [{"Source": s, "ReadOnly": false, "Resolved": s} | some s in list]})

test_blocked_paths if {
	host_mounts.deny == {"bind mount of host path /etc/ssl is blocked (/etc)"} with input as mounts(["/etc/ssl"])
	host_mounts.deny == {"bind mount of host path /var/run/docker.sock is blocked (/var/run/docker.sock)"} with input as mounts(["/var/run/docker.sock"])
	count(host_mounts.deny) == 0 with input as mounts(["/srv/data", "/etcetera"])
}

test_allow_list if {
	settings := {"host_mounts.allowed_paths": ["/srv"]}
	count(host_mounts.deny) == 0 with input as mounts(["/srv/app"]) with data.docker.authz.settings as settings
	host_mounts.deny == {"bind mount of host path /opt/x is not on the allow-list"} with input as mounts(["/opt/x"]) with data.docker.authz.settings as settings
}

test_block_list_configurable if {
	count(host_mounts.deny) == 0 with input as mounts(["/etc"]) with data.docker.authz.settings as {"host_mounts.blocked_paths": []}
}
