package container_policy.rules.dockerfile.tls_verification_disabled_test

import data.container_policy.lib.dockerfile_inputs_test as d
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
