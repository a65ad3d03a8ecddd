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
