# METADATA
# title: apk add keeps its package cache
# description: >-
#   `apk add` without `--no-cache` leaves the package index in the layer, adding megabytes that
#   the image ships. Builder stages are not checked: their layers do not ship.
# custom:
#   id: CPD019
#   severity: warn
#   remediation: >-
#     Use `apk add --no-cache <packages>` (it also makes `apk update` unnecessary).
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3019"]
#     trivy: []
#     kics: ["ae9c56a6-3ed1-4ac0-9b54-31267f51151d"]
#     checkov: []
package container_policy.rules.dockerfile.apk_no_cache

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["apk"])
	lib.final_image_command(cmd)
	lib.subcommand_args(cmd, {"apk"}, {"add"})
	not lib.has_flag(cmd.words, {"--no-cache"})
	not cache_cleaned[cmd.ins]
	finding := lib.at_command(cmd, "apk add without --no-cache keeps the package index in the image")
}

# The RUNs that remove apk's cache, found once from every `rm`: asked per `apk add`, going through
# the RUN's commands took a RUN of 10,000 of them 3 s.
cache_cleaned contains c.ins if {
	some c in lib.commands_of(["rm"])
	some w in c.words
	startswith(w, "/var/cache/apk")
}
