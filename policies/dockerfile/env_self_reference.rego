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
	pairs := [env_pair(arg) | some arg in ins.args] # split once each, not once per pair of pairs
	some i, [name, _] in pairs
	plain := plain_name(name) # once per name rather than once per later pair
	some j, [later, value] in pairs
	i < j
	may_refer(value, name, plain) # before the pattern, which the Wasm runtime compiles anew for each name
	regex.match(concat("", [`\$\{?`, name, `([^A-Za-z0-9_]|$)`]), value)
	not defined_before(ins, name)
	finding := lib.at_instruction(ins, sprintf("%s refers to %s, which this same ENV sets, so it gets the earlier value", [later, name]))
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

# What any match of the pattern above contains when the name is plain identifier characters (no
# pattern syntax): `$NAME` or `${NAME`. Any other name goes to the pattern as it is.
may_refer(value, name, true) if contains(value, concat("", ["$", name]))

may_refer(value, name, true) if contains(value, concat("", ["${", name]))

may_refer(_, _, false)

# Whether a name is plain identifier characters, as true or false.
plain_name(name) if {
	lib.only_chars(name, identifier_chars)
} else := false

identifier_chars := concat("", [lib.ascii_letters, lib.ascii_digits, "_"])
