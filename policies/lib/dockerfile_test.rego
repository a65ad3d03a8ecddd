package container_policy.lib.dockerfile_test

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t

test_runners_are_unwrapped_where_the_parser_found_the_program if {
	run := d.run([["sudo", "-u", "app", "apt-get", "install", "x"], ["env", "A=1", "pip", "install"], ["python3", "-m", "pip", "install"]], 0, 2)
	commands := [object.union(c, {"programIndex": at}) | some i, c in run.commands; at := [3, 2, 0][i]]
	cmds := lib.commands with input as d.one_stage([object.union(run, {"commands": commands})])
	[c.program | some c in cmds] == ["apt-get", "pip", "pip"]
	[c.raw[0] | some c in cmds] == ["sudo", "env", "python3"]
}

test_a_command_without_program_index_runs_its_first_word if {
	some c in lib.commands with input as d.one_run(["sudo", "apt-get", "install", "x"])
	c.program == "sudo"
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

# The setting in effect: the last one before the instruction in its stage, else the last one of the
# stages it is built on; never one from an unrelated stage or from after the instruction.
test_setting_at_own_stage_then_inherited if {
	doc := d.chained([
		d.ins("USER", ["a"], 0, 2),
		d.ins("USER", ["b"], 0, 3),
		d.ins("COPY", [".", "/x"], 1, 11),
		d.ins("USER", ["c"], 1, 12),
		d.ins("COPY", [".", "/y"], 1, 13),
	])
	lib.setting_at("USER", doc.instructions[2]).args == ["b"] with input as doc
	lib.setting_at("USER", doc.instructions[4]).args == ["c"] with input as doc
	lib.user_at(doc.instructions[4]).args == ["c"] with input as doc
}

test_setting_at_ignores_unrelated_and_later_instructions if {
	doc := d.two_stages([
		d.ins("WORKDIR", ["/a"], 0, 2),
		d.ins("COPY", [".", "x"], 1, 11),
		d.ins("WORKDIR", ["/b"], 1, 12),
	])
	not lib.setting_at("WORKDIR", doc.instructions[1]) with input as doc
	not lib.setting_at("WORKDIR", doc.instructions[0]) with input as doc
}

# A file with more settings of a keyword than few_settings is answered from the table, one with fewer
# by a scan: both give every instruction the same answer. Two stages, the second built on the first,
# each with USERs among COPYs, and WORKDIRs only in the first.
test_setting_lookups_agree if {
	doc := many_settings
	count(lib.setting_positions.USER) > lib.few_settings with input as doc
	count(lib.setting_positions.WORKDIR) <= lib.few_settings with input as doc
	lookups_agree with input as doc
	lib.setting_at("USER", doc.instructions[60]).args == ["u57"] with input as doc # the first stage's last USER, inherited
	lib.setting_at("USER", doc.instructions[61]).args == ["u60"] with input as doc
	lib.setting_at("WORKDIR", doc.instructions[64]).args == ["/w55"] with input as doc
	not lib.setting_at("WORKDIR", doc.instructions[0]) with input as doc
}

# Each lookup's answer as a list: its position, or empty where it has none.
lookups_agree if {
	every keyword in {"USER", "WORKDIR"} {
		every ins in input.instructions {
			[p | p := lib.setting_before_by_scan(keyword, ins)] == [p | p := lib.setting_before_by_table(keyword, ins)]
		}
	}
}

many_settings := d.chained(array.concat(
	[instruction_of_kind(i, 0) | some i in numbers.range(0, 59)],
	[instruction_of_kind(i, 1) | some i in numbers.range(60, 99)],
))

# USER on every third position, WORKDIR on every tenth of the first stage, COPY elsewhere.
instruction_of_kind(i, stage) := d.ins("USER", [sprintf("u%d", [i])], stage, i + 1) if {
	i % 3 == 0
} else := d.ins("WORKDIR", [sprintf("/w%d", [i])], stage, i + 1) if {
	i % 10 == 5
	i < 60
} else := d.ins("COPY", [".", "/x"], stage, i + 1)

test_indexes_by_keyword_and_program if {
	doc := d.one_stage([d.run([["apt-get", "update"], ["curl", "u"]], 0, 2), d.ins("COPY", ["a", "/b"], 0, 3), d.run([["curl", "v"]], 0, 4)])
	{c.words[1] | some c in lib.commands_of({"curl"})} == {"u", "v"} with input as doc
	count(lib.commands_of({"apt-get", "wget"})) == 1 with input as doc
	{i.startLine | some i in lib.instructions_of({"RUN", "COPY"})} == {2, 3, 4} with input as doc
	lib.instructions_of({"USER"}) == [] with input as doc
}

test_overridden_pairs_within_a_stage if {
	doc := d.one_stage([d.ins("CMD", ["a"], 0, 2), d.ins("CMD", ["b"], 0, 3), d.ins("CMD", ["c"], 0, 4)])

	# Each with the next of its stage, which overrides it: one pair per overridden instruction.
	{[a.startLine, b.startLine] | some [a, b] in lib.overridden("CMD")} == {[2, 3], [3, 4]} with input as doc
	two := d.two_stages([d.ins("CMD", ["a"], 0, 2), d.ins("CMD", ["b"], 1, 4)])
	lib.overridden("CMD") == [] with input as two
}

test_basename_and_subcommand if {
	lib.basename("/usr/bin/apt-get") == "apt-get"
	lib.basename("apt-get") == "apt-get"
	lib.subcommand({"words": ["apt-get", "install", "x"]}) == "install"
	lib.subcommand({"words": ["apt-get", "-y", "install", "x"]}) == "install"
	not lib.subcommand({"words": ["apt-get"]})
}

test_root_user_forms if {
	lib.is_root_user("root")
	lib.is_root_user("0")
	lib.is_root_user("000:0")
	not lib.is_root_user("10")
	not lib.is_root_user(":0")
}

test_windows_stage_whatever_the_case if {
	doc := d.windows([])
	lib.windows_stage(doc.stages[0]) with input as doc
	upper_case := object.union(doc, {"stages": [object.union(doc.stages[0], {"image": {"repository": "Windows/ServerCore", "tag": "ltsc2022"}})]})
	lib.windows_stage(upper_case.stages[0]) with input as upper_case
	not lib.windows_stage(d.one_stage([]).stages[0]) with input as d.one_stage([])
}

# The string tests that stand in for patterns, on the edges where the two could differ.
test_short_flag_group_is_a_dash_and_ascii_letters if {
	every w in ["-q", "-qy", "-fsSLo"] {
		lib.short_flag_group(w)
	}
	every w in ["-", "--yes", "-q1", "q", "-q\n", "-\u00e9", "-q y", ""] {
		not lib.short_flag_group(w)
	}
}

test_digits_only_is_ascii_digits if {
	every s in ["0", "007", "65536"] {
		lib.digits_only(s)
	}
	every s in ["", "1.5", "-1", "+1", "1e3", "0x1", " 1", "1\n", "\u0661"] {
		not lib.digits_only(s)
	}
}

test_python_module_runs_are_unwrapped if {
	every words in [["python", "-m", "pip", "install"], ["python3.11", "-m", "pip"], ["/usr/bin/python3", "-m", "pip"]] {
		lib.python_module(words) == array.slice(words, 2, count(words))
	}
	every words in [["python3x", "-m", "pip"], ["pythonista", "-m", "pip"], ["python", "-c", "x"], ["python", "-m"]] {
		lib.python_module(words) == words
	}
}

test_windows_image_is_a_whole_word_in_any_case if {
	every image in [
		{"repository": "mcr.microsoft.com/windows/servercore", "tag": "ltsc2022"},
		{"repository": "dotnet/runtime", "tag": "8.0-nanoserver-1809"},
		{"repository": "x/WindowsServerCore"}, {"repository": "x/\u017fervercore"},
		{"repository": "x/y", "tag": "windows_2019"},
	] {
		lib.windows_image(image)
	}
	every image in [
		{"repository": "x/windowsx"}, {"repository": "x/my windows"}, {"repository": "x/w\u0130ndows"},
		{"repository": "x/y", "tag": null}, {"repository": "nanoservers"},
	] {
		not lib.windows_image(image)
	}
}

# A keyword the file never uses has no table behind it: the answer is undefined, in the stage and in
# the stages built on it, while the other keywords still answer.
test_setting_at_keyword_absent_from_the_file if {
	doc := d.chained([
		d.ins("USER", ["a"], 0, 2),
		d.ins("COPY", [".", "/x"], 1, 11),
	])
	not lib.setting_at("SHELL", doc.instructions[1]) with input as doc
	not lib.setting_at("WORKDIR", doc.instructions[0]) with input as doc
	lib.setting_at("USER", doc.instructions[1]).args == ["a"] with input as doc
}

# The string test answers as the pattern it replaces, on the edges where they could differ.
test_drive_path_agrees_with_the_pattern if {
	every path in ["C:\\app", "c:/app", "Z:\\", "x:/"] {
		regex.match(`^[A-Za-z]:[\\/]`, path)
		lib.drive_path(path)
	}
	every path in ["", "C", "C:", "C:app", "1:\\app", "\u00e9:/app", ":\\app", "CD:\\app", "/app", "\\\\server\\share"] {
		not regex.match(`^[A-Za-z]:[\\/]`, path)
		not lib.drive_path(path)
	}
}

test_user_of_prefers_the_expanded_user if {
	lib.user_of({"args": ["$U"], "user": "root"}) == "root"
	lib.user_of({"args": ["app"]}) == "app"
	not lib.user_of({"args": ["$U"], "user": null})
	lib.user_unknown({"args": ["$U"], "user": null})
	not lib.user_unknown({"args": ["app"]})
}

test_holders_are_the_path_and_its_directories_to_a_bounded_depth if {
	lib.holders("/a/b") == {"/a/b", "/a", ""}
	lib.holders("bin/") == {"bin/", "bin"}
	lib.holders("x") == {"x"}
	deep := concat("", [s | some _ in numbers.range(1, 100); s := "/d"])
	held := lib.holders(deep)
	count(held) == lib.holder_depth + 1
	deep in held
	not concat("", [s | some _ in numbers.range(1, 40); s := "/d"]) in held
}

# Two earlier stages named alike: the first, one value, rather than a conflict that fails the file.
test_copied_stage_of_a_name_two_stages_share_is_the_first if {
	doc := t.dockerfile(
		[
			{"name": "build", "fromLine": 1, "image": d.alpine},
			{"name": "build", "fromLine": 5, "image": d.alpine},
			{"fromLine": 10, "image": d.alpine},
		],
		[d.flagged("COPY", {"from": "Build"}, ["/out", "/out"], 2, 11)],
	)
	lib.copied_stage(doc.instructions[0]) == 0 with input as doc
}
