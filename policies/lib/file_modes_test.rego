package container_policy.lib.file_modes_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.file_modes

test_octal_modes if {
	file_modes.adds("4755") == {"setuid"}
	file_modes.adds("02775") == {"setgid"}
	file_modes.adds("6777") == {"setuid", "setgid", "world-writable"}
	file_modes.adds("1777") == {"sticky", "world-writable"}
	file_modes.adds("777") == {"world-writable"}
	file_modes.adds("666") == {"world-writable"}
	file_modes.adds("755") == set()
	file_modes.adds("0644") == set()
	file_modes.adds("7") == {"world-writable"}
}

test_symbolic_modes if {
	file_modes.adds("u+s") == {"setuid"}
	file_modes.adds("g=rwxs") == {"setgid"}
	file_modes.adds("+s") == {"setuid", "setgid"}
	file_modes.adds("o+s") == set()
	file_modes.adds("a+rwx") == {"world-writable"}
	file_modes.adds("o+w") == {"world-writable"}
	file_modes.adds("go-w,u+s") == {"setuid"}
	file_modes.adds("a+w,+t") == {"world-writable", "sticky"}
	file_modes.adds("+x") == set()
	file_modes.adds("+w") == set() # the umask keeps others out
	file_modes.adds("o-w") == set()
	file_modes.adds("u+x-s") == set()
	file_modes.adds("ugo=rw") == {"world-writable"}
}

test_chmod_mode_skips_options_and_copies if {
	file_modes.chmod_mode({"words": ["chmod", "-Rv", "--", "777", "/app", "/srv"]}) == ["777", ["/app", "/srv"]]
	file_modes.chmod_mode({"words": ["chmod", "-w", "/etc/x"]}) == ["-w", ["/etc/x"]]
	file_modes.chmod_mode({"words": ["chmod", "--recursive", "u+s", "/bin/x"]}) == ["u+s", ["/bin/x"]]
	not file_modes.chmod_mode({"words": ["chmod", "--reference=/etc/passwd", "/x"]})
}

# A builder stage's chmod, copied into the final stage by COPY --from.
builder_and_copy(run_words, copy_flags, copy_args) := d.two_stages([
	d.ins("WORKDIR", ["/src"], 0, 2),
	d.run([run_words], 0, 3),
	d.flagged("COPY", copy_flags, copy_args, 1, 11),
])

test_a_copied_file_carries_the_mode_chmod_gave_it if {
	every case in [
		[["chmod", "4755", "/out/tool"], ["/out/tool", "/usr/bin/"]],
		[["chmod", "4755", "/out/tool"], ["/out", "/usr/local/"]],
		[["chmod", "4755", "/out/tool"], ["/out/*", "/usr/local/bin/"]],
		[["chmod", "4755", "/out/tool"], ["out/", "/usr/local/"]],
		[["chmod", "4755", "/out/tool"], ["/", "/"]],
		[["chmod", "-R", "u+s", "bin/"], ["\"/src/bin\"", "/usr/bin/"]],
	] {
		[run_words, copy_args] := case
		modes := file_modes.copied_modes with input as builder_and_copy(run_words, {"from": "BUILD"}, copy_args)
		count(modes) == 1
		[ins, cmd, mode, file] := modes[0]
		ins.startLine == 11
		cmd.line == 3
		mode in {"4755", "u+s"}
		file in {"/out/tool", "/src/bin"}
	}
	count(file_modes.copied_modes) == 1 with input as builder_and_copy(["chmod", "4755", "/out/tool"], {"from": "0"}, ["/out/tool", "/usr/bin/"])
}

test_what_is_not_copied_or_is_given_its_own_mode_is_left_alone if {
	every case in [
		[["chmod", "4755", "/out/tool"], {"from": "build"}, ["/out/other", "/usr/bin/"]],
		[["chmod", "4755", "/out/tool"], {"from": "build"}, ["/outer", "/usr/bin/"]],
		[["chmod", "4755", "/out/tool"], {"from": "build", "chmod": "0755"}, ["/out/tool", "/usr/bin/"]],
		[["chmod", "4755", "/out/tool"], {"from": "alpine:3.20"}, ["/out/tool", "/usr/bin/"]],
		[["chmod", "4755", "/out/tool"], {}, ["/out/tool", "/usr/bin/"]],
		[["chmod", "4755", "$OUT/tool"], {"from": "build"}, ["/out/tool", "/usr/bin/"]],
	] {
		[run_words, flags, copy_args] := case
		count(file_modes.copied_modes) == 0 with input as builder_and_copy(run_words, flags, copy_args)
	}
}

# A chmod in a stage the final one is built on is found as the final image's own.
test_a_stage_the_shipped_image_is_built_on_is_not_a_builder if {
	count(file_modes.copied_modes) == 0 with input as d.chained([
		d.run([["chmod", "4755", "/out/tool"]], 0, 3),
		d.flagged("COPY", {"from": "build"}, ["/out/tool", "/usr/bin/"], 1, 11),
	])
}
