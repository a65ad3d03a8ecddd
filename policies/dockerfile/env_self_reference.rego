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
	some ins in lib.instructions_of({"ENV"})
	some i, a in ins.args
	some j, b in ins.args
	i < j
	name := split(a, "=")[0]
	value := substring(b, count(split(b, "=")[0]) + 1, -1)
	may_refer(value, name) # before the pattern, which the Wasm runtime compiles anew for each name
	regex.match(concat("", [`\$\{?`, name, `([^A-Za-z0-9_]|$)`]), value)
	not defined_before(ins, name)
	finding := lib.at_instruction(ins, sprintf("%s refers to %s, which this same ENV sets, so it gets the earlier value", [split(b, "=")[0], name]))
}

defined_before(ins, name) if {
	chain := lib.lineage(input.stages[ins.stage])
	some e in lib.instructions_of({"ENV", "ARG"})
	e.index < ins.index
	e.stage in chain
	some arg in e.args
	split(arg, "=")[0] == name
}

# What any match of the pattern above contains when the name is plain identifier characters (no
# pattern syntax): `$NAME` or `${NAME`. Any other name goes to the pattern as it is.
may_refer(value, name) if contains(value, concat("", ["$", name]))

may_refer(value, name) if contains(value, concat("", ["${", name]))

may_refer(_, name) if not lib.only_chars(name, identifier_chars)

identifier_chars := concat("", [lib.ascii_letters, lib.ascii_digits, "_"])
