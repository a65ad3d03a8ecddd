package container_policy.lib.tls_variables_test

import data.container_policy.lib.tls_variables

test_known_names_whatever_the_value if {
	every name in ["NODE_TLS_REJECT_UNAUTHORIZED", "GIT_SSL_NO_VERIFY", "npm_config_strict_ssl", "Yarn_Strict_SSL"] {
		tls_variables.known(name)
	}
	every name in ["node_tls_reject_unauthorized", "PATH", ""] {
		not tls_variables.known(name)
	}
}
