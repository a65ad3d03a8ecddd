package docker.authz.rules.rbac_test

import data.docker.authz.lib_test.create
import data.docker.authz.lib_test.request
import data.docker.authz.rules.rbac

settings := {
	"rbac.roles": {"deployer": ["containers/*"], "viewer": ["containers/json"]},
	"rbac.user_roles": {"alice": ["deployer"], "bob": ["viewer"]},
}

as_user(user) := object.union(create({}), {"Headers": {"Authz-User": user}})

test_not_enforced_without_roles if {
	count(rbac.deny) == 0 with input as as_user("bob")
}

test_role_permits_operation if {
	rbac.operation == "containers/create" with input as create({})
	count(rbac.deny) == 0 with input as as_user("alice") with data.docker.authz.settings as settings
	rbac.deny == {"user bob has no role permitting containers/create"} with input as as_user("bob") with data.docker.authz.settings as settings
	rbac.deny == {"user carol has no role permitting containers/create"} with input as as_user("carol") with data.docker.authz.settings as settings
}

test_anonymous if {
	anonymous := request({}, {"Image": "nginx"})
	rbac.deny == {"user (anonymous) has no role permitting containers/create"} with input as anonymous with data.docker.authz.settings as settings
}
