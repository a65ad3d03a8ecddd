package container_policy.rules.dockerfile.download_not_verified_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.download_not_verified as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["curl", "-fsSLo", "app.tgz", "https://e.org/app.tgz"])
}

test_wget_remote_name_is_caught if {
	some f in rule.findings with input as d.one_run(["wget", "https://e.org/app.tgz"])
	contains(f.msg, "app.tgz")
}

test_stream_into_tar_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.pipe([["curl", "-sL", "https://e.org/a.tgz"], ["tar", "xz"]], 0, 2)])
}

test_checksum_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "a.tgz", "https://e.org/a.tgz"], ["sha256sum", "-c", "a.sha"]], 0, 2)])
}

test_stdout_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["wget", "-qO-", "https://e.org/health"])
}

test_signature_file_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["curl", "-o", "a.tgz.asc", "https://e.org/a.tgz.asc"])
}

test_builder_stage_is_caught if {
	d.lines(rule.findings) == {2} with input as d.two_stages([d.run([["curl", "-O", "https://e.org/a.zip"]], 0, 2)])
}

# The check may be in any command of the same RUN, before or after the download, but not in another RUN.
test_checksum_anywhere_in_the_same_run_only if {
	count(rule.findings) == 0 with input as d.one_stage([d.run([["gpg", "--verify", "a.asc"], ["curl", "-o", "a.tgz", "https://e.org/a.tgz"]], 0, 2)])
	d.lines(rule.findings) == {3} with input as d.one_stage([d.run([["sha256sum", "-c", "a.sha"]], 0, 2), d.run([["curl", "-o", "a.tgz", "https://e.org/a.tgz"]], 0, 3)])
}

# Standard output redirected to a file saves it (`curl -fsSL URL > app.tgz`), the last redirection winning.
test_stdout_redirected_to_a_file_is_caught if {
	some f in rule.findings with input as d.redirected(["curl", "-fsSL", "https://e.org/app.tgz"], [{"op": ">", "to": "/tmp/app.tgz"}])
	contains(f.msg, "saves /tmp/app.tgz")
	d.lines(rule.findings) == {2} with input as d.redirected(["wget", "-qO-", "https://e.org/i.sh"], [{"op": ">>", "fd": 1, "to": "i.sh"}])
	d.lines(rule.findings) == {2} with input as d.redirected(["curl", "https://e.org/a.zip"], [{"op": ">", "fd": 2, "to": "/dev/null"}, {"op": "&>", "to": "a.zip"}])
}

test_stdout_not_saved_is_not_caught if {
	count(rule.findings) == 0 with input as d.redirected(["curl", "-fsSL", "https://e.org/health"], [{"op": ">", "to": "/dev/null"}])
	count(rule.findings) == 0 with input as d.redirected(["curl", "https://e.org/a.tgz"], [{"op": ">", "fd": 2, "to": "err.log"}])
	count(rule.findings) == 0 with input as d.redirected(["curl", "https://e.org/a.tgz"], [{"op": ">", "to": "a.tgz"}, {"op": ">&", "to": "2"}])
	count(rule.findings) == 0 with input as d.one_run(["curl", "-fsSL", "https://e.org/a.tgz"])
}

test_output_flag_wins_over_a_redirection if {
	some f in rule.findings with input as d.redirected(["curl", "-o", "a.tgz", "https://e.org/a.tgz"], [{"op": ">", "to": "log.txt"}])
	contains(f.msg, "saves a.tgz")
	count(rule.findings) == 1 with input as d.redirected(["curl", "-o", "a.tgz", "https://e.org/a.tgz"], [{"op": ">", "to": "log.txt"}])
}

# Standard output piped into `tee` is saved in each file tee writes (`curl -fsSL URL | tee i.sh | sh`).
test_stdout_piped_into_tee_is_caught if {
	findings := rule.findings with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://e.org/i.sh"], ["tee", "-a", "/tmp/i.sh", "/dev/stderr", "copy.sh"]], 0, 2)])
	{f.msg | some f in findings} == {
		"curl saves /tmp/i.sh and nothing in the RUN checks its checksum or signature",
		"curl saves copy.sh and nothing in the RUN checks its checksum or signature",
	}
}

test_tee_elsewhere_in_the_pipe_or_to_a_device_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://e.org/i.sh"], ["tee", "/dev/null"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://e.org/v.json"], ["jq", ".v"], ["tee", "v.txt"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.pipe([["echo", "x"], ["tee", "v.txt"]], 0, 2)])
}
