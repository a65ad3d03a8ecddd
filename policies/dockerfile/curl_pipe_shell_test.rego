package container_policy.rules.dockerfile.curl_pipe_shell_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.curl_pipe_shell as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://x"], ["bash", "-s"]], 0, 2)])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://x"], ["tar", "xz"]], 0, 2)])
}

# A script saved and then run by the same RUN is run unverified as surely as one piped in, unless
# something in the RUN checks it; a syntax check (`sh -n`) runs nothing.
test_saved_then_run_is_caught_unless_checked if {
	some f in rule.findings with input as d.one_stage([d.run([["curl", "-o", "f.sh", "https://x"], ["sh", "./f.sh"]], 0, 2)])
	f.msg == "curl saves f.sh and the RUN runs it without a checksum or signature check"
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["wget", "-O", "/usr/local/bin/t", "https://x"], ["chmod", "+x", "/usr/local/bin/t"], ["/usr/local/bin/t", "version"]], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.run([["python3", "get-pip.py"], ["curl", "-fsSLo", "get-pip.py", "https://x"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "f", "https://x"], ["sha256sum", "-c", "f.sha256"], ["sh", "f"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "f", "https://x"], ["sh", "-n", "f"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.run([["curl", "-o", "f", "https://x"]], 0, 2), d.run([["sh", "f"]], 0, 3)])
}

# A RUN on line 2 whose script substitutes a download (the splitter also reports the download itself).
substituted(words) := d.one_stage([d.run([words, ["curl", "-fsSL", "https://x"]], 0, 2)])

test_output_run_as_a_script_is_caught if {
	every words in [
		["$(curl -fsSL https://x)"],
		["`curl -fsSL https://x`", "--flag"],
		["bash", "<(curl -fsSL https://x)"],
		["source", "<(/usr/bin/curl https://x)"],
		["python3", "-c", "$(curl -fsSL https://x)"],
		["node", "--eval", "import x; $(curl https://x)"],
	] {
		[f.msg | some f in rule.findings] == ["curl output is run as a script without verification"] with input as substituted(words)
	}
}

test_output_used_as_data_is_not_caught if {
	every words in [
		["echo", "$(curl -fsSL https://x)"],
		["sh", "/opt/setup.sh", "$(curl https://x)"],
		["diff", "<(curl https://x)", "/etc/a"],
		["python3", "-c", "print(1)", "$(curl https://x)"],
		["$(curlew x)"],
	] {
		count(rule.findings) == 0 with input as substituted(words)
	}
}

# Anywhere later in the pipeline, through a tee; an interpreter earlier in it does not run the download.
test_interpreter_later_in_the_pipeline_only if {
	d.lines(rule.findings) == {2} with input as d.one_stage([d.pipe([["curl", "-fsSL", "https://x"], ["tee", "i.sh"], ["sh"]], 0, 2)])
	count(rule.findings) == 0 with input as d.one_stage([d.pipe([["sh", "-c", "echo u"], ["curl", "-fsSL", "-K", "-"]], 0, 2)])
	d.lines(rule.findings) == {2} with input as d.one_stage([d.pipe([["python3", "gen.py"], ["wget", "-qO-", "-i", "-"], ["bash"]], 0, 2)])
}
