package container_policy.rules.dockerfile.add_remote_without_checksum_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.add_remote_without_checksum as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ADD", ["https://x/y.tgz", "/y"], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("ADD", {"checksum": "sha256:ab"}, ["https://x/y.tgz", "/y"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ADD", ["a", "/b"], 0, 2)])
}

test_http_and_https_only if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("ADD", ["http://x/y.tgz", "/y"], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.ins("ADD", ["HTTPS://x/y.tgz", "ftp://x/y", "/y"], 0, 2)])
}
