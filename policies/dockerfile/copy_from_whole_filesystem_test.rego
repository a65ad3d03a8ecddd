package container_policy.rules.dockerfile.copy_from_whole_filesystem_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.copy_from_whole_filesystem as rule

test_caught if {
	d.lines(rule.findings) == {11} with input as d.two_stages([d.flagged("COPY", {"from": "build"}, ["/", "/"], 1, 11)])
}

test_path_is_not_caught if {
	count(rule.findings) == 0 with input as d.two_stages([d.flagged("COPY", {"from": "build"}, ["/out/app", "/"], 1, 11)])
}

test_context_copy_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.ins("COPY", ["/", "/x"], 0, 2)])
}
