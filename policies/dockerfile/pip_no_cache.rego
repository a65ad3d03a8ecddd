# METADATA
# title: pip install keeps its download cache
# description: >-
#   `pip install` without `--no-cache-dir` keeps downloaded wheels in the layer. Builder stages
#   are not checked: their layers do not ship.
# custom:
#   id: CPD020
#   severity: warn
#   remediation: >-
#     Add `--no-cache-dir` (`pip install --no-cache-dir -r requirements.txt`), set `ENV
#     PIP_NO_CACHE_DIR=1`, or use a cache mount: `RUN --mount=type=cache,target=/root/.cache/pip
#     pip install ...`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3042"]
#     trivy: []
#     kics: ["f2f903fb-b977-461e-98d7-b3e2185c6118"]
#     checkov: []
package container_policy.rules.dockerfile.pip_no_cache

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["pip", "pip3", "pip2"])
	lib.final_image_command(cmd)
	lib.subcommand_args(cmd, {"pip", "pip3", "pip2"}, {"install"})
	not lib.has_flag(cmd.words, {"--no-cache-dir"})
	not pip_cache_off
	ins := input.instructions[cmd.ins]
	not contains(object.get(ins.flags, "mount", ""), "type=cache")
	finding := lib.at_command(cmd, "pip install without --no-cache-dir keeps its download cache in the image")
}

pip_cache_off if {
	some ins in lib.instructions_of(["ENV", "ARG"])
	some arg in ins.args
	arg in {"PIP_NO_CACHE_DIR=1", "PIP_NO_CACHE_DIR=true", "PIP_NO_CACHE_DIR=on", "PIP_NO_CACHE_DIR=yes"}
}
