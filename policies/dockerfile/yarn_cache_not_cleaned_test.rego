package container_policy.rules.dockerfile.yarn_cache_not_cleaned_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.yarn_cache_not_cleaned as rule

test_install_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yarn", "install", "--frozen-lockfile"])
}

test_bare_yarn_is_an_install if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yarn", "--frozen-lockfile"])
}

test_message_names_the_command if {
	some f in rule.findings with input as d.one_run(["yarn", "global", "add", "@vue/cli"])
	f.msg == "`yarn global add` without `yarn cache clean` in the same RUN leaves yarn's download cache in the image"
}

test_add_and_workspace_add_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yarnpkg", "add", "left-pad"])
	d.lines(rule.findings) == {2} with input as d.one_run(["yarn", "workspace", "web", "add", "react"])
}

test_option_value_is_not_the_subcommand if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yarn", "--cwd", "build", "install"])
	count(rule.findings) == 0 with input as d.one_run(["yarn", "--cwd", "install", "build"])
}

test_version_and_help_are_not_installs if {
	count(rule.findings) == 0 with input as d.one_run(["yarn", "--version"])
	count(rule.findings) == 0 with input as d.one_run(["yarn", "-v"])
	count(rule.findings) == 0 with input as d.one_run(["yarnpkg", "--help"])
}

test_scripts_are_not_installs if {
	count(rule.findings) == 0 with input as d.one_run(["yarn", "build"])
	count(rule.findings) == 0 with input as d.one_run(["yarn", "run", "install"])
	count(rule.findings) == 0 with input as d.one_run(["yarn", "global", "list"])
}

test_cleaned_in_the_same_run_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["yarn", "install"], ["yarn", "cache", "clean"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["yarn", "install"], ["yarn", "cache", "clean", "--all"]], 0, 2)])
}

test_cleaned_in_a_later_run_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["yarn", "install"]], 0, 2), d.run([["yarn", "cache", "clean"]], 0, 3)])
}

test_cache_directory_removed_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["yarn"], ["rm", "-rf", "/usr/local/share/.cache/yarn"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["yarn"], ["rm", "-rf", "$(yarn cache dir)"]], 0, 2)])
}

test_other_directory_removed_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["yarn"], ["rm", "-rf", "/tmp/build"]], 0, 2)])
}

test_own_cache_folder_removed_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["yarn", "install", "--cache-folder", "/tmp/yc/"], ["rm", "-rf", "/tmp/yc"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["yarn", "--cache-folder=/tmp/yc"], ["rm", "-rf", "/tmp"]], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["yarn", "--cache-folder=/tmp/yc"], ["rm", "-rf", "/tmp/other"]], 0, 2)])
}

test_cache_mount_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.run([["yarn", "install"]], 0, 2), {"flagList": [{"name": "mount", "value": "type=cache,target=/usr/local/share/.cache/yarn"}]})])
	count(rule.findings) == 0 with input as d.one_stage([object.union(d.run([["yarn", "install", "--cache-folder", "/ycache"]], 0, 2), {"flagList": [{"name": "mount", "value": "type=cache,target=/ycache"}]})])
}

test_other_mount_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([object.union(d.run([["yarn", "install"]], 0, 2), {"flagList": [{"name": "mount", "value": "type=bind,target=/usr/local/share/.cache/yarn"}]})])
}

test_builder_stage_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.run([["yarn", "install"]], 0, 2)])
}
