package docker.authz.rules.privileged_test

import data.docker.authz.lib_test.create
import data.docker.authz.lib_test.host
import data.docker.authz.rules.privileged

test_privileged_denied if {
	privileged.deny == {"privileged container of image nginx:1.27 is not approved"} with input as host({"Privileged": true})
	count(privileged.deny) == 0 with input as host({"Privileged": false})
}

test_approved_image if {
	count(privileged.deny) == 0 with input as host({"Privileged": true}) with data.docker.authz.settings as {"privileged.approved_images": ["nginx"]}
}

test_justification_label if {
	settings := {"privileged.justification_label": "com.acme.privileged-reason"}
	request := create({"HostConfig": {"Privileged": true}, "Labels": {"com.acme.privileged-reason": "needs /dev/kvm"}})
	count(privileged.deny) == 0 with input as request with data.docker.authz.settings as settings
	count(privileged.deny) == 1 with input as create({"HostConfig": {"Privileged": true}, "Labels": {"com.acme.privileged-reason": " "}}) with data.docker.authz.settings as settings
	count(privileged.deny) == 1 with input as request
}
