package docker.authz.rules.readonly_users_test

import data.docker.authz.lib_test.create
import data.docker.authz.rules.readonly_users

settings := {"readonly_users.users": ["auditor"]}

as_user(user, method) := object.union(create({}), {"User": user, "Method": method})

test_read_only_user_may_read_not_write if {
	readonly_users.deny == {"user auditor is read-only and may not POST /v1.47/containers/create"} with input as as_user("auditor", "POST") with data.docker.authz.settings as settings
	count(readonly_users.deny) == 0 with input as as_user("auditor", "GET") with data.docker.authz.settings as settings
	count(readonly_users.deny) == 0 with input as as_user("alice", "POST") with data.docker.authz.settings as settings
	count(readonly_users.deny) == 0 with input as as_user("auditor", "POST")
}
