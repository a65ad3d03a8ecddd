package container_policy.lib.dockerfile_test

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_inputs_test as d

test_sudo_and_env_are_unwrapped if {
	cmds := lib.commands with input as d.one_stage([d.run([["sudo", "-E", "apt-get", "install", "x"], ["env", "A=1", "pip", "install"]], 0, 2)])
	{c.program | some c in cmds} == {"apt-get", "pip"}
}

test_bare_sudo_is_kept if {
	some c in lib.commands with input as d.one_run(["sudo"])
	c.words == ["sudo"]
}

test_operands_skip_flags_and_their_values if {
	lib.operands(["-y", "-t", "bookworm", "curl", "--no-x", "git"], {"-t"}) == ["curl", "git"]
}

test_subcommand_args if {
	some c in lib.commands with input as d.one_run(["/usr/bin/apt-get", "-q", "install", "curl"])
	lib.subcommand_args(c, {"apt-get"}, {"install"}) == ["curl"]
}

test_short_flags_combine if {
	lib.has_short_flag(["-qy"], "y")
	not lib.has_short_flag(["--yes"], "y")
	lib.has_flag(["--yes"], {"--yes", "-y"})
}

test_locations if {
	lib.at_command({"line": 3}, "m") == {"msg": "m", "startLine": 3, "endLine": 3}
	lib.at_instruction({"startLine": 2, "endLine": 4}, "m") == {"msg": "m", "startLine": 2, "endLine": 4}
	lib.at_from({"fromLine": 1}, "m") == {"msg": "m", "startLine": 1, "endLine": 1}
}

test_instruction_commands if {
	count(lib.instruction_commands(0)) == 2 with input as d.one_stage([d.run([["a"], ["b"]], 0, 2)])
}

test_final_lineage if {
	lib.final_lineage == {1} with input as d.two_stages([])
}
