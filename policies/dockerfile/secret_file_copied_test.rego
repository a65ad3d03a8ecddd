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

# Public keys and certificates share the extensions: their names, the name they are copied to, or a
# trust directory say which they are. Each case is one the real corpus has.
test_public_material_not_caught if {
	copies := [
		["nodesource-repo.gpg.key", "/usr/share/keyrings/nodesource.asc"],
		["nginx_public_keys.key", "/tmp/nginx_public_keys.key"],
		["yarn-pubkey.gpg.key", "/tmp/"],
		["jenkins.io-2026.key", "/war/jenkins-key.pub"],
		["https://download.example.org/Release.key", "/etc/apt/trusted.gpg.d/repo.asc"],
		["Release.key", "/etc/apt/keyrings"],
		["./.pki/ca.pem", "/usr/local/share/ca-certificates/ca.crt"],
		["certs/ca.pem", "/etc/"],
		["server-cert.pem", "/etc/"],
		["fullchain.pem", "/etc/"],
		["target/shared/ffdhe4096.pem", "/etc/dovecot/dh.pem"],
		["dh2048.pem", "/etc/"],
		["dhparams.pem", "/etc/"],
	]
	every copy in copies {
		count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", copy, 0, 2)])
	}
}

# A private key stays a finding whatever it is next to: `key` in a `.pem` name outweighs `ca` or
# `cert`, a name with no public word is not guessed at, and a file found by its name (not its
# extension) is never taken for public.
test_private_material_caught if {
	copies := [
		["ca-key.pem", "/etc/"],
		["server-key.pem", "/etc/"],
		["certs/privkey.pem", "/etc/"],
		["server.pem", "/etc/"],
		["ca.key", "/etc/"],
		["dhcp.pem", "/etc/"],
		["Release.key", "/tmp/"],
		["tls.key", "/etc/ssl/private/"],
		["id_rsa", "/usr/share/keyrings/"],
		[".npmrc", "/root/.npmrc.pub"],
		["cert.p12", "/etc/"],
	]
	every copy in copies {
		d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("COPY", copy, 0, 2)])
	}
}

# One public file does not excuse the private one beside it.
test_private_beside_public_caught if {
	srcs := ["certs/tls.crt", "certs/ca.pem", "certs/tls.key", "/opt/secrets/"]
	{src | some f in rule.findings; some src in srcs; contains(f.msg, concat("", ["\"", src, "\""]))} == {"certs/tls.key"} with input as d.one_stage([d.ins("COPY", srcs, 0, 2)])
}
