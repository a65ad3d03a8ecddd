# METADATA
# title: Secret written in build args
# description: >-
#   A service's `build.args` gives a build argument whose name looks like a secret (password,
#   token, key, ...) a literal value, or a value in a known credential format. It is in the
#   repository, and the build records build arguments in the image's history, where anyone who
#   pulls the image reads it (`docker history`). The Dockerfile's own `ARG NAME=value` is CPD031.
# custom:
#   id: CPC041
#   severity: deny
#   remediation: >-
#     Pass the secret as a build secret (`build.secrets` in compose, read with `RUN
#     --mount=type=secret`), or leave the value out (`NPM_TOKEN:` takes it from the environment
#     of `docker compose build`) and keep it out of the image's layers.
#   compliance:
#     cis-docker: ["4.10"]
#     nist-800-190: ["4.1.4"]
#     owasp-docker: ["D06"]
#     pci-dss: ["3.5.1", "8.3.2"]
#     soc2: ["CC6.7"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.compose.build_arg_secret

import data.container_policy.lib.compose as lib
import data.container_policy.lib.secrets

findings contains finding if {
	some name, svc in lib.normalised
	some arg, entry in svc.build_args
	is_string(entry.value)
	not lib.unresolved_at(entry.path)
	reason := secrets.secret_described(arg, entry.value, lib.value_origin(entry.path))
	finding := {
		"msg": lib.service_message(name, concat("", ["build arg ", arg, " ", reason])),
		"path": entry.path,
	}
}
