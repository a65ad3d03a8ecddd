package docker.authz.rules.image_signature_test

import data.docker.authz.lib_test.create
import data.docker.authz.rules.image_signature

test_signature_required if {
	settings := {"image_signature.required": true, "image_signature.images": {"nginx:1.27": {"signed": true}}, "image_signature.label": "com.acme.signed"}
	count(image_signature.deny) == 0 with input as create({}) with data.docker.authz.settings as settings
	image_signature.deny == {"image app:1 has no verified signature"} with input as create({"Image": "app:1"}) with data.docker.authz.settings as settings
	count(image_signature.deny) == 0 with input as create({"Image": "app:1", "Labels": {"com.acme.signed": "cosign"}}) with data.docker.authz.settings as settings
	count(image_signature.deny) == 0 with input as create({"Image": "app:1"})
}
