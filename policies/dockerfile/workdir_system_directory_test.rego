package container_policy.rules.dockerfile.workdir_system_directory_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.workdir_system_directory as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("WORKDIR", ["/proc/"], 0, 2)])
}

test_app_directory_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("WORKDIR", ["/app"], 0, 2), d.ins("WORKDIR", ["/"], 0, 3)])
}

test_setting_is_used if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.ins("WORKDIR", ["/srv"], 0, 2)]) with data.container_policy.settings as {"dockerfile.system_directories": ["/srv"]}
}
