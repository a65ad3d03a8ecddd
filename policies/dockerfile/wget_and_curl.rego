# METADATA
# title: Both wget and curl used in one stage
# description: >-
#   A stage downloads with both wget and curl. One tool does the job; installing and keeping two
#   adds size and attack surface. Stages are judged separately (a builder with curl and a final
#   stage with wget is fine). The finding is on each use of the tool that appears second.
# custom:
#   id: CPD053
#   severity: warn
#   remediation: >-
#     Use one download tool throughout the stage (curl or wget) and remove the other from the
#     packages you install.
#   compliance:
#     cis-docker: ["4.3"]
#     nist-800-190: ["4.1.2"]
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL4001"]
#     trivy: []
#     kics: ["fc775e75-fcfb-4c98-b2f2-910c5858b359"]
#     checkov: []
package container_policy.rules.dockerfile.wget_and_curl

import data.container_policy.lib.dockerfile as lib

# Each stage's curl and wget commands, by stage and program, gathered in one pass over them, so
# that a file of many stages is not walked once per stage.
by_stage_and_program[[cmd.stage, cmd.program]] contains cmd if {
	some cmd in lib.commands_of(["curl", "wget"])
}

findings contains finding if {
	some [stage, "wget"], wgets in by_stage_and_program
	curls := by_stage_and_program[[stage, "curl"]]
	first := {"curl": min({c.line | some c in curls}), "wget": min({c.line | some c in wgets})}
	second := [p | some p, line in first; line == max({l | some l in first})][0]
	other := {"curl": "wget", "wget": "curl"}[second]
	some cmd in by_stage_and_program[[stage, second]]
	finding := lib.at_command(cmd, sprintf("%s is used here and %s on line %d in the same stage", [second, other, first[other]]))
}
