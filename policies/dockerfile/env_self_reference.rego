# METADATA
# title: ENV refers to a variable it defines itself
# description: >-
#   One ENV instruction sets a variable and, in a later pair of the same instruction, refers to
#   it (`ENV A=/opt B=$A/bin`). Variables are expanded before the instruction runs, so B gets
#   the old value of A (usually empty), not the one set on the same line.
# custom:
#   id: CPD061
#   severity: warn
#   remediation: >-
#     Split the instruction so the definition comes first: `ENV A=/opt` then `ENV B=$A/bin`.
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3044"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.env_self_reference

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some ins in lib.instructions_of(["ENV"])
	count(ins.args) > 1
	some j, arg in ins.args
	[later, value] := env_pair(arg)
	contains(value, "$") # before the pattern
	some reference in regex.find_all_string_submatch_n(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`, value, -1)
	name := reference[1]
	some i in set_by[[ins.index, name]]
	i < j
	not defined_before(ins, name)
	finding := lib.at_instruction(ins, sprintf("%s refers to %s, which this same ENV sets, so it gets the earlier value", [later, name]))
}

# Where in each ENV each name is set, by [instruction, name]: a value's references are looked up here.
# Comparing every pair of the ENV's names (and building a pattern per pair) took time and Wasm memory
# in the square of them: one ENV of 3,000 names took three minutes, most of it garbage collection as
# the module's memory grew.
set_by[[ins.index, name]] contains i if {
	some ins in lib.instructions_of(["ENV"])
	count(ins.args) > 1
	some i, arg in ins.args
	[name, _] := env_pair(arg)
}

# [name, value] of `NAME=value`; the value is "" when there is no `=`.
env_pair(arg) := [name, substring(arg, count(name) + 1, -1)] if name := split(arg, "=")[0]

defined_before(ins, name) if {
	chain := lib.lineage(input.stages[ins.stage])
	some e in lib.instructions_of(["ENV", "ARG"])
	e.index < ins.index
	chain[e.stage]
	some arg in e.args
	split(arg, "=")[0] == name
}
