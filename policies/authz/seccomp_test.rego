package docker.authz.rules.seccomp_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.seccomp

test_unconfined if {
	seccomp.deny == {"seccomp is disabled (seccomp=unconfined)"} with input as host({"SecurityOpt": ["seccomp:unconfined"]})
}

test_default_and_any_profile_pass_without_a_list if {
	count(seccomp.deny) == 0 with input as host({})
	count(seccomp.deny) == 0 with input as host({"SecurityOpt": ["seccomp=custom.json"]})
}

test_unapproved_profile if {
	settings := {"seccomp.approved_profiles": ["approved.json"]}
	seccomp.deny == {"seccomp profile custom.json is not an approved profile"} with input as host({"SecurityOpt": ["seccomp=custom.json"]}) with data.docker.authz.settings as settings
	count(seccomp.deny) == 0 with input as host({"SecurityOpt": ["seccomp=approved.json"]}) with data.docker.authz.settings as settings
}

# The daemon applies the last of repeated seccomp options; the gate refuses an unconfined one written
# anywhere, and checks every profile named against the approved list.
test_repeated_options if {
	seccomp.deny == {"seccomp is disabled (seccomp=unconfined)"} with input as host({"SecurityOpt": ["seccomp=unconfined", "seccomp=approved.json"]})
	settings := {"seccomp.approved_profiles": ["approved.json"]}
	seccomp.deny == {"seccomp profile custom.json is not an approved profile"} with input as host({"SecurityOpt": ["seccomp=approved.json", "seccomp:custom.json"]}) with data.docker.authz.settings as settings
	count(seccomp.deny) == 0 with input as host({"SecurityOpt": ["seccomp=approved.json", "seccomp:approved.json"]}) with data.docker.authz.settings as settings
}
