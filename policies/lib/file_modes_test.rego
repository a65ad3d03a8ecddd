package container_policy.lib.file_modes_test

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
