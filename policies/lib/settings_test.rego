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

# Every default secret pattern has clues, so a change to a pattern that forgets its clues shows here.
test_every_default_secret_pattern_has_clues if {
	every pattern in settings.defaults["dockerfile.secret_value_patterns"] {
		count(settings.pattern_clues[pattern]) > 0
	}
	every pattern in settings.defaults["dockerfile.secret_name_patterns"] {
		count(settings.pattern_clues[pattern]) > 0
	}
	count(settings.pattern_clues[settings.defaults["compose.secret_env_pattern"]]) > 0
}

# A clue rules out only text the pattern cannot match; a pattern without clues is always run.
test_clues_rule_out_only_what_cannot_match if {
	settings.may_match(`npm_[A-Za-z0-9]{36}`, "token npm_abc")
	not settings.may_match(`npm_[A-Za-z0-9]{36}`, "NPM_abc")
	settings.may_match(`my-own-pattern`, "anything")
	settings.may_match_any_case(`my-own-pattern`, "anything")
}

test_any_case_clues_fold_like_the_pattern if {
	pattern := settings.defaults["dockerfile.secret_name_patterns"][0]
	settings.may_match_any_case(pattern, "db_password")
	not settings.may_match_any_case(pattern, "APP_VERSION")

	# The Kelvin sign matches K, and the long s matches S, under the pattern's case folding.
	regex.match(concat("", ["(?i)", pattern]), "API_\u212aEY")
	settings.may_match_any_case(pattern, "API_\u212aEY")
	regex.match(concat("", ["(?i)", pattern]), "\u017fECRET")
	settings.may_match_any_case(pattern, "\u017fECRET")
}
