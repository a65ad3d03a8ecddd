package container_policy.rules.dockerfile.wget_progress_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.wget_progress as rule

test_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["wget", "-O", "a", "https://e.org/a"])
}

test_quiet_is_not_caught if {
	every words in [["wget", "-qO-", "u"], ["wget", "-nv", "u"], ["wget", "--progress=dot:giga", "u"]] {
		count(rule.findings) == 0 with input as d.one_run(words)
	}
}

# The flags that quiet wget, as whole words or prefixes; a q counts only among the letters of a
# single-dash group.
test_quiet_flags if {
	every w in ["-q", "-nqO-", "-nv", "--quiet", "--no-verbose", "--progress=bar", "-o", "--output-file=log", "--show-progress"] {
		rule.quiet_flag(w)
	}
	every w in ["-4q", "--q", "-nv2", "--quiet=1", "-ox", "--progress", "-O"] {
		not rule.quiet_flag(w)
	}
}
