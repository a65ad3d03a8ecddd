package container_policy.lib.settings_test

import data.container_policy.lib.settings

test_user_value_wins if {
	settings.value("k") == ["x"] with data.container_policy.settings as {"k": ["x"]}
		with settings.defaults as {"k": ["d"]}
}

test_user_false_is_a_value if {
	settings.value("k") == false with data.container_policy.settings as {"k": false}
		with settings.defaults as {"k": true}
}

test_default_when_unset if {
	settings.value("k") == ["d"] with settings.defaults as {"k": ["d"]}
}

test_defaults_is_an_object if {
	is_object(settings.defaults)
}

# Every default credential-format pattern has clues, so a change to a pattern that forgets its clues shows here.
test_every_default_value_pattern_has_clues if {
	every pattern in settings.defaults["dockerfile.secret_value_patterns"] {
		count(settings.pattern_clues[pattern]) > 0
	}
}

# No pattern with clues matches text shorter than shortest_clued_match: each is tried on every piece
# one character shorter of the shortest text it matches (a new pattern needs its shortest here).
test_no_clued_pattern_matches_shorter_text if {
	shortest := {
		`AKIA[0-9A-Z]{16}`: "AKIAIOSFODNN7EXAMPLE",
		`gh[pousr]_[A-Za-z0-9]{36}`: concat("", ["ghp_", strings.replace_n({"x": "aaaaaaaaa"}, "xxxx")]),
		`github_pat_[A-Za-z0-9_]{40,}`: concat("", ["github_pat_", strings.replace_n({"x": "aaaaaaaaaa"}, "xxxx")]),
		`xox[baprs]-[A-Za-z0-9-]{10,}`: "xoxb-0123456789",
		`-----BEGIN [A-Z ]*PRIVATE KEY-----`: "-----BEGIN PRIVATE KEY-----",
		`sk_live_[A-Za-z0-9]{20,}`: "sk_live_01234567890123456789",
		`glpat-[A-Za-z0-9_-]{20}`: "glpat-01234567890123456789",
		`npm_[A-Za-z0-9]{36}`: concat("", ["npm_", strings.replace_n({"x": "aaaaaaaaa"}, "xxxx")]),
	}
	every pattern, _ in settings.pattern_clues {
		text := shortest[pattern]
		regex.match(pattern, text)
		count(text) >= settings.shortest_clued_match
		every start in numbers.range(0, count(text) - 1) {
			not regex.match(pattern, substring(text, start, count(text) - 1))
		}
	}
	min({count(t) | some t in shortest}) == settings.shortest_clued_match
}

# A clue rules out only text the pattern cannot match; a pattern without clues is always run.
test_clues_rule_out_only_what_cannot_match if {
	clues := settings.pattern_clues["npm_[A-Za-z0-9]{36}"]
	settings.holds_clue(clues, "token npm_abc")
	not settings.holds_clue(clues, "NPM_abc")
	settings.holds_clue(object.get(settings.pattern_clues, `my-own-pattern`, null), "anything")
}

# The string test of the default name pattern answers as the pattern does, on the edges where they
# could differ: whole parts only, the two-part KEY names, case folding (the Kelvin sign is a K and the
# long s an S, the dotted capital I and the dotless i are not I), and characters outside ASCII.
test_secret_name_match_agrees_with_the_default_pattern if {
	pattern := settings.default_secret_name_pattern
	concat("", ["(?i)", settings.defaults["dockerfile.secret_name_patterns"][0]]) == pattern
	settings.defaults["compose.secret_env_pattern"] == pattern
	every name in [
		"DB_PASSWORD", "password", "Api_Key", "APIKEY", "x_access_key_y", "PRIVATE_KEY", "github_token",
		"CREDENTIAL", "credentials", "_auth_", "API_\u212aEY", "\u017fECRET", "__PASS", "PWD",
	] {
		regex.match(pattern, name)
		settings.secret_name_match(pattern, name)
	}
	every name in [
		"AUTHOR", "PASSPORT", "KEYS", "API__KEY", "API_KEY2", "MY-PASSWORD", "PR\u0130VATE_KEY", "pr\u0131vate_key", "TOKEN\u00e9",
		"", "_", "APP_VERSION", "PRIVATEKEYS", "\u212aEY",
	] {
		not regex.match(pattern, name)
		not settings.secret_name_match(pattern, name)
	}
}

# A pattern a team configures is run as written.
test_secret_name_match_runs_other_patterns if {
	settings.secret_name_match(`^APP_`, "APP_X")
	not settings.secret_name_match(`^APP_`, "app_x")
	settings.secret_name_match(`(?i)^APP_`, "app_x")
}
