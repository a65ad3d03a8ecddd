package container_policy.rules.compose.ulimits_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.ulimits as rule

limit(soft, hard) := {"soft": soft, "hard": hard, "path": ["services", "db", "ulimits", "nofile"]}

test_each_override_is_caught_at_its_key if {
	rule.findings == {{
		"msg": "Service \"db\" overrides the default ulimit nofile (soft 1024, hard 65536)",
		"path": ["services", "db", "ulimits", "nofile"],
	}} with input as t.doc([t.svc("db", {"ulimits": {"nofile": limit(1024, 65536)}})])
}

test_unlimited_and_unresolved_values_are_named if {
	some f in rule.findings with input as t.doc([t.svc("db", {"ulimits": {"memlock": limit(-1, null)}})])
	f.msg == "Service \"db\" overrides the default ulimit memlock (soft unlimited, hard unknown)"
}

test_defaults_are_not_caught if {
	count(rule.findings) == 0 with input as t.doc([t.svc("db", {})])
}
