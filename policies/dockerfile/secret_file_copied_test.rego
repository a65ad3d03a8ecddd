package container_policy.rules.dockerfile.secret_file_copied_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.secret_file_copied as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("COPY", ["id_rsa", "/root/.ssh/"], 0, 2)])
}

test_caught_1 if {
	d.lines(rule.findings) == {3} with input as d.one_stage([d.ins("ADD", [".env", "/app/"], 0, 3)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", ["env.example", "/app/"], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", [".env"], 0, 2)])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_stage([d.flagged("COPY", {"from": "build"}, ["key.pem", "/x"], 0, 2)])
}

# Matched on the whole last path component by name, or on the extension.
test_names_and_extensions if {
	srcs := ["config/.npmrc", "certs/server.pem", "tls.key", "home/credentials", "a/id_ed25519", "x.pem/", "id_rsa.pub", ".envrc", "app/credentials.json", "my.env"]
	{src | some f in rule.findings; some src in srcs; contains(f.msg, concat("", ["\"", src, "\""]))} == {"config/.npmrc", "certs/server.pem", "tls.key", "home/credentials", "a/id_ed25519"} with input as d.one_stage([d.ins("COPY", array.concat(srcs, ["/app/"]), 0, 2)])
}
