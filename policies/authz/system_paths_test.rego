package docker.authz.rules.system_paths_test

import data.docker.authz.lib_test.host
import data.docker.authz.rules.system_paths

test_unconfined_in_either_spelling if {
	every opt in ["systempaths=unconfined", "systempaths:Unconfined"] {
		system_paths.deny == {"system paths are unmasked (systempaths=unconfined)"} with input as host({"SecurityOpt": ["no-new-privileges", opt]})
	}
}

test_default_passes if {
	count(system_paths.deny) == 0 with input as host({})
	count(system_paths.deny) == 0 with input as host({"SecurityOpt": ["seccomp=unconfined"]})
}

test_repeated_options if {
	system_paths.deny == {"system paths are unmasked (systempaths=unconfined)"} with input as host({"SecurityOpt": ["systempaths=unconfined", "systempaths=unconfined"]})
}
