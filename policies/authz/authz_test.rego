package docker.authz_test

import data.docker.authz
import data.docker.authz.lib_test.build
import data.docker.authz.lib_test.create
import data.docker.authz.lib_test.host

test_allows_a_compliant_create if {
	authz.allow with input as create({})
	authz.audit.decision == "allow" with input as create({})
}

test_denies_with_every_message_and_audits_by_category if {
	request := host({"Privileged": true, "NetworkMode": "host", "PidMode": "host", "IpcMode": "host"})
	not authz.allow with input as request
	audit := authz.audit with input as request
	audit.decision == "deny"
	audit.categories == {"privileged": 1, "network": 1, "namespaces": 2}
	count(audit.violations) == 4
	some v in audit.violations
	v == {"rule": "privileged", "msg": "privileged container of image nginx:1.27 is not approved", "category": "privileged", "severity": "critical"}
	count(authz.deny) == 4 with input as request
}

test_a_build_is_allowed_unless_its_network_mode_is_blocked if {
	authz.allow with input as build({"t": ["app"]})
	not authz.allow with input as build({"networkmode": ["host"]})
	{"rule": "network_mode", "msg": "build network mode host is not allowed", "category": "network", "severity": "high"} in authz.violations with input as build({"networkmode": ["host"]})
}
