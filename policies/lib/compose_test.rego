package container_policy.lib.compose_test

import data.container_policy.lib.compose as lib

# The string test stands in for `\$\{?[A-Za-z_]`: a `$`, at most one `{`, then a letter or `_`.
test_unresolved_forms if {
	every value in ["$A", "${A}", "x${_y}", "$$B", "a$1$b", "${B:-1}"] {
		lib.unresolved(value)
	}
	every value in ["", "$", "$1", "${{A}", "${1}", "a$", "$ A", "$\u00e9", 5] {
		not lib.unresolved(value)
	}
}
