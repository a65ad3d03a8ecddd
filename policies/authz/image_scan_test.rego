package docker.authz.rules.image_scan_test

import data.docker.authz.lib_test.create
import data.docker.authz.rules.image_scan

results := {"image_scan.results": {"nginx:1.27": {"status": "passed"}, "app:1": {"status": "failed"}}}

test_failed_scan if {
	image_scan.deny == {"image app:1 failed its vulnerability scan (failed)"} with input as create({"Image": "app:1"}) with data.docker.authz.settings as results
	count(image_scan.deny) == 0 with input as create({}) with data.docker.authz.settings as results
}

test_scan_required if {
	settings := object.union(results, {"image_scan.required": true})
	image_scan.deny == {"image other:2 has no vulnerability scan result"} with input as create({"Image": "other:2"}) with data.docker.authz.settings as settings
	count(image_scan.deny) == 0 with input as create({"Image": "other:2"})
}
