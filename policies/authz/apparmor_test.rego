package docker.authz.rules.apparmor_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.apparmor

test_unconfined if {
	apparmor.deny == {"AppArmor is disabled (apparmor=unconfined)"} with input as host({"SecurityOpt": ["apparmor=unconfined"]})
	count(apparmor.deny) == 0 with input as host({})
}

test_required_profile if {
	settings := {"apparmor.required_profile": "docker-acme"}
	apparmor.deny == {"AppArmor profile docker-acme is required"} with input as host({}) with data.docker.authz.settings as settings
	count(apparmor.deny) == 0 with input as host({"SecurityOpt": ["apparmor:docker-acme"]}) with data.docker.authz.settings as settings
}

test_repeated_options if {
	apparmor.deny == {"AppArmor is disabled (apparmor=unconfined)"} with input as host({"SecurityOpt": ["apparmor=docker-acme", "apparmor=unconfined"]})
	settings := {"apparmor.required_profile": "docker-acme"}
	count(apparmor.deny) == 0 with input as host({"SecurityOpt": ["apparmor=docker-acme", "apparmor:docker-acme"]}) with data.docker.authz.settings as settings
}
