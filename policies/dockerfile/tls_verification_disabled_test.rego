package container_policy.rules.dockerfile.tls_verification_disabled_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.lib.inputs_test as t
import data.container_policy.rules.dockerfile.tls_verification_disabled as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["curl", "-k", "https://x"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["curl", "-fsSLk", "https://x"])
}

test_caught_2 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["wget", "--no-check-certificate", "https://x"])
}

test_caught_3 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["pip", "install", "--trusted-host", "pypi.org", "x"])
}

test_caught_4 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["npm", "config", "set", "strict-ssl", "false"])
}

test_caught_5 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["git", "-c", "http.sslVerify=false", "clone", "x"])
}

test_caught_6 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["git", "config", "--global", "http.sslVerify", "false"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["curl", "-fsSL", "https://x"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["wget", "-q", "https://x"])
}

# The string test stands in for `(?i)^http\.sslverify(=false)?$`: any case, the long s as an s, the
# dotted capital I not as an i, the whole word only.
test_ssl_verify_key_forms if {
	every w in ["http.sslVerify", "HTTP.SSLVERIFY=FALSE", "http.\u017fslverify", "http.sslverify=false"] {
		rule.ssl_verify_key(w)
	}
	every w in ["http.sslverify=true", "xhttp.sslverify", "http.sslverify ", "http.sslver\u0130fy", "httpXsslverify", "http.sslverify=false\n"] {
		not rule.ssl_verify_key(w)
	}
}

# Both of curl's forms on one command are one finding, not a conflict that fails the file.
test_curl_with_both_forms_is_one_finding if {
	d.lines(rule.findings) == {2} with input as d.one_run(["curl", "-k", "--insecure", "https://x"])
	count(rule.findings) == 1 with input as d.one_run(["curl", "-k", "--insecure", "https://x"])
}

env_doc(keyword, args) := d.one_stage([t.instruction(keyword, args, 0, 2)])

test_variables_that_turn_verification_off_are_caught if {
	every case in [
		["ENV", "NODE_TLS_REJECT_UNAUTHORIZED=0", "Node.js"],
		["ENV", "GIT_SSL_NO_VERIFY=", "git"],
		["ARG", "GIT_SSL_NO_VERIFY=false", "git"],
		["ENV", "PYTHONHTTPSVERIFY=0", "Python"],
		["ENV", "PIP_TRUSTED_HOST=pypi.example.com", "pip"],
		["ARG", "GOINSECURE=*.corp.example", "go"],
		["ENV", "npm_config_strict_ssl=FALSE", "npm"],
		["ENV", "YARN_ENABLE_STRICT_SSL=false", "yarn"],
	] {
		[keyword, arg, tool] := case
		[f.msg | some f in rule.findings] == [sprintf("%s %s turns TLS verification off for %s", [keyword, arg, tool])] with input as env_doc(keyword, ["A=1", arg])
	}
}

test_variables_left_on_are_not_caught if {
	every arg in ["NODE_TLS_REJECT_UNAUTHORIZED=1", "NODE_TLS_REJECT_UNAUTHORIZED=$X", "PYTHONHTTPSVERIFY=1", "PIP_TRUSTED_HOST=", "GOINSECURE=", "NPM_CONFIG_STRICT_SSL=true", "node_tls_reject_unauthorized=0", "GIT_SSL_NO_VERIFY"] {
		count(rule.findings) == 0 with input as env_doc("ENV", [arg])
	}
}

test_export_in_a_run_is_caught_at_its_line if {
	d.lines(rule.findings) == {2} with input as d.one_run(["export", "PATH=/x", "NODE_TLS_REJECT_UNAUTHORIZED=0"])
	count(rule.findings) == 0 with input as d.one_run(["echo", "NODE_TLS_REJECT_UNAUTHORIZED=0"])
}

test_pip_configured_to_trust_a_host_is_caught if {
	[f.msg | some f in rule.findings] == ["pip turns TLS verification off (config set trusted-host)"] with input as d.one_run(["pip", "config", "set", "global.trusted-host", "x.example"])
	count(rule.findings) == 0 with input as d.one_run(["pip", "config", "set", "global.index-url", "https://x.example"])
}

test_a_variable_set_before_a_command_is_caught if {
	run := d.run([["git", "clone", "https://x"]], 0, 3)
	commands := [object.union(c, {"assignments": ["A=1", "GIT_SSL_NO_VERIFY=true"]}) | some c in run.commands]
	findings := rule.findings with input as d.one_stage([object.union(run, {"commands": commands})])
	[[f.msg, f.startLine] | some f in findings] == [["GIT_SSL_NO_VERIFY=true before git turns TLS verification off for git", 3]]
}

test_sslverify_turned_off_for_yum_and_dnf_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["dnf", "--setopt=sslverify=0", "install", "-y", "x"])
	d.lines(rule.findings) == {2} with input as d.one_run(["yum", "--setopt=epel.sslverify=False", "install", "-y", "x"])
	d.lines(rule.findings) == {2} with input as d.one_run(["yum-config-manager", "--save", "--setopt", "sslverify=no"])
	d.lines(rule.findings) == {2} with input as d.one_run(["echo", "sslverify = off"])
	d.lines(rule.findings) == {2} with input as d.one_run(["sed", "-i", "s/sslverify=1/sslverify=0/", "/etc/dnf/dnf.conf"])
}

test_sslverify_message_names_the_setting if {
	some f in rule.findings with input as d.one_run(["printf", "[main]\\nsslverify=false\\n"])
	f.msg == "printf turns TLS verification off (writes sslverify=false for yum and dnf)"
	some g in rule.findings with input as d.one_run(["microdnf", "--setopt=sslverify=0", "install", "x"])
	g.msg == "microdnf turns TLS verification off (sslverify=0)"
}

test_sslverify_left_on_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["dnf", "--setopt=sslverify=1", "install", "-y", "x"])
	count(rule.findings) == 0 with input as d.one_run(["dnf", "--setopt=sslverify=01", "install", "-y", "x"])
	count(rule.findings) == 0 with input as d.one_run(["echo", "sslverify=none"])
	count(rule.findings) == 0 with input as d.one_run(["sed", "-i", "s/sslverify=0/sslverify=1/", "/etc/yum.conf"])
	count(rule.findings) == 0 with input as d.one_run(["sed", "-i", "/sslverify=0/d", "/etc/yum.conf"])
}
