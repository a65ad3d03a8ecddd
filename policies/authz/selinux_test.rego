package docker.authz.rules.selinux_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.selinux

test_disabled_and_unconfined_types if {
	selinux.deny == {"SELinux labelling is disabled (label=disable)"} with input as host({"SecurityOpt": ["label=disable"]})
	selinux.deny == {"SELinux type spc_t is unconfined"} with input as host({"SecurityOpt": ["label:type:spc_t"]})
	count(selinux.deny) == 0 with input as host({"SecurityOpt": ["label=type:container_t"]})
	count(selinux.deny) == 0 with input as host({"SecurityOpt": ["label=type:spc_t"]}) with data.docker.authz.settings as {"selinux.blocked_types": []}
}

# Several label parts are one label (user, role, type, level): each is checked, and none is a conflict.
test_repeated_label_parts if {
	count(selinux.deny) == 0 with input as host({"SecurityOpt": ["label=level:s0:c100,c200", "label=type:svirt_apache_t"]})
	selinux.deny == {"SELinux type spc_t is unconfined"} with input as host({"SecurityOpt": ["label=level:s0", "label=type:spc_t"]})
	selinux.deny == {"SELinux labelling is disabled (label=disable)"} with input as host({"SecurityOpt": ["label=user:u", "label:disable"]})
}
