# METADATA
# title: Secret passed as a build argument
# description: >-
#   An ARG whose name looks like a credential (setting `dockerfile.secret_name_patterns`) will
#   receive the secret through `--build-arg`; build arguments are recorded in the image history
#   (`docker history`) and in provenance, so the secret leaks. `RUN --mount=type=secret` is the
#   right way. An ARG whose default is itself a secret is denied by CPD031 instead.
# custom:
#   id: CPD032
#   severity: warn
#   remediation: >-
#     Replace the ARG with a secret mount: `RUN --mount=type=secret,id=token TOKEN=$(cat
#     /run/secrets/token) ./fetch`, built with `docker build --secret id=token,env=TOKEN`.
#   compliance:
#     cis-docker: ["4.10"]
#     nist-800-190: ["4.1.4"]
#     owasp-docker: ["D06"]
#     pci-dss: ["3.5.1", "8.3.2"]
#     soc2: ["CC6.7"]
#   aliases:
#     hadolint: ["DL3064"]
#     trivy: ["AVD-DS-0031"]
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.secret_build_arg

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.secrets
import data.container_policy.lib.settings

findings contains finding if {
	some ins in lib.instructions_of(["ARG"])
	some arg in ins.args
	name := split(arg, "=")[0]
	some pattern in settings.dockerfile_secret_name_patterns
	settings.secret_name_match(pattern, name)
	not written_in_the_file(arg)
	finding := lib.at_instruction(ins, sprintf("ARG %s receives a secret through --build-arg, which the image history records", [name]))
}

# An ARG whose default value is itself the secret is denied by CPD031, which asks for the same fix;
# a second finding on the line would only repeat it.
written_in_the_file(arg) if {
	[name, value] := secrets.declared_pair(arg)
	secrets.literal_secret(name, value)
}
