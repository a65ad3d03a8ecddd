# METADATA
# title: TLS certificate verification is turned off
# description: >-
#   A download with TLS verification off (`curl -k`, `wget --no-check-certificate`, `pip
#   --trusted-host`, `npm config set strict-ssl false`, `git -c http.sslVerify=false`) accepts
#   any server that answers, so a network attacker can substitute what the build installs.
# custom:
#   id: CPD027
#   severity: deny
#   remediation: >-
#     Remove the option and fix the certificate problem (install the CA bundle: `apt-get install
#     -y ca-certificates`, or `COPY` the corporate CA and run `update-ca-certificates`).
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: ["CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11", "CKV2_DOCKER_12"]
package container_policy.rules.dockerfile.tls_verification_disabled

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(programs)
	option := insecure_option(cmd)
	finding := lib.at_command(cmd, sprintf("%s turns TLS verification off (%s)", [cmd.program, option]))
}

# The programs insecure_option knows about.
programs := {"curl", "wget", "pip", "pip3", "npm", "yarn", "pnpm", "git"}

insecure_option(cmd) := "-k" if {
	cmd.program == "curl"
	lib.has_short_flag(cmd.words, "k")
}

insecure_option(cmd) := "--insecure" if {
	cmd.program == "curl"
	lib.has_flag(cmd.words, {"--insecure"})
}

insecure_option(cmd) := "--no-check-certificate" if {
	cmd.program == "wget"
	lib.has_flag(cmd.words, {"--no-check-certificate"})
}

insecure_option(cmd) := "--trusted-host" if {
	cmd.program in {"pip", "pip3"}
	some w in cmd.words
	startswith(w, "--trusted-host")
}

insecure_option(cmd) := "strict-ssl false" if {
	cmd.program in {"npm", "yarn", "pnpm"}
	lib.has_flag(cmd.words, {"strict-ssl", "strict-ssl=false", "--strict-ssl=false"})
	lib.has_flag(cmd.words, {"false", "strict-ssl=false", "--strict-ssl=false"})
}

insecure_option(cmd) := "http.sslVerify false" if {
	cmd.program == "git"
	some w in cmd.words
	regex.match(`(?i)^http\.sslverify(=false)?$`, w)
	lib.has_flag(cmd.words, {"false", "http.sslVerify=false", "http.sslverify=false"})
}
