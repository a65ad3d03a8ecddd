package container_policy.rules.dockerfile.curl_pipe_shell_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.curl_pipe_shell as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://x"], ["bash", "-s"]], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://x"], ["tar", "xz"]], 0, 2)])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "f", "https://x"], ["sh", "f"]], 0, 2)])
}
