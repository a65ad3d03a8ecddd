package docker.authz.rules.registries_test

import data.docker.authz.lib_test.create
import data.docker.authz.rules.registries

test_untrusted_registry if {
	registries.deny == {"image evil.example/app:1 comes from the untrusted registry evil.example"} with input as create({"Image": "evil.example/app:1"})
	count(registries.deny) == 0 with input as create({"Image": "ghcr.io/acme/app:1"})
	count(registries.deny) == 0 with input as create({"Image": "evil.example/app:1"}) with data.docker.authz.settings as {"registries.trusted": ["evil.example"]}
}
