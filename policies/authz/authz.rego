# The built-in Docker daemon authorization policy: `package docker.authz`, as opa-docker-authz and
# docker-socket-firewall query it (`data.docker.authz.allow`). The same files run at the daemon and,
# through this action, on the create requests a pull request's compose files would send. Each
# category is one package under docker.authz.rules (policies/authz/<rule>.rego) with `deny`
# messages, a `category` and a `severity`; tunable values come from data.docker.authz.settings
# (defaults in policies/authz/lib.rego).
package docker.authz

import data.docker.authz.rules

default allow := false

allow if count(deny) == 0

# Every message of every rule, with where it came from, for the audit document and for reports.
violations contains violation if {
	some name, rule in rules
	some msg in rule.deny
	violation := {"rule": name, "msg": msg, "category": rule.category, "severity": rule.severity}
}

deny contains violation.msg if some violation in violations

# What a daemon deployment logs per request: the decision, who asked for what, and each violation
# with its severity and category, plus counts per category for compliance reporting.
audit := {
	"decision": {true: "allow", false: "deny"}[allow],
	"user": input.User,
	"method": input.Method,
	"path": input.PathPlain,
	"violations": sort([v | some v in violations]),
	"categories": {category: n |
		some v in violations
		category := v.category
		n := count([w | some w in violations; w.category == category])
	},
}
