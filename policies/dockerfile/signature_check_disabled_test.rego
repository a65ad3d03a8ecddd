package container_policy.rules.dockerfile.signature_check_disabled_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.signature_check_disabled as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["apk", "add", "--allow-untrusted", "x.apk"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["yum", "install", "-y", "--nogpgcheck", "x"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["apk", "add", "--no-cache", "x"])
}

test_apt_settings_that_accept_unsigned_packages_are_caught if {
	every words in [
		["apt-get", "-o", "APT::Get::AllowUnauthenticated=true", "install", "x"],
		["apt-get", "-oAcquire::AllowInsecureRepositories=1", "update"],
		["apt", "-o", "apt::get::allowunauthenticated=\"yes\"", "install", "x"],
	] {
		d.lines(rule.findings) == {2} with input as d.one_run(words)
	}
	every words in [
		["apt-get", "-o", "APT::Get::AllowUnauthenticated=false", "install", "x"],
		["apt-get", "-o", "Dpkg::Options::=--force-confold", "install", "x"],
		["apt-get", "-o"],
	] {
		count(rule.findings) == 0 with input as d.one_run(words)
	}
}

test_rpm_settings_that_turn_checks_off_are_caught if {
	every words in [
		["dnf", "--setopt=gpgcheck=0", "install", "x"],
		["yum", "--setopt", "myrepo.gpgcheck=False", "install", "x"],
		["microdnf", "--setopt=localpkg_gpgcheck=no", "install", "x"],
	] {
		d.lines(rule.findings) == {2} with input as d.one_run(words)
	}
	every words in [["dnf", "--setopt=gpgcheck=1", "install", "x"], ["dnf", "--setopt=install_weak_deps=0", "install", "x"]] {
		count(rule.findings) == 0 with input as d.one_run(words)
	}
}

test_apt_sources_marked_trusted_are_caught if {
	msg := "echo writes an apt source with [trusted=yes], so its packages are accepted unsigned"
	[f.msg | some f in rule.findings] == [msg] with input as d.one_run(["echo", "deb [arch=amd64 trusted=yes] http://x.example stable main"])
	count(rule.findings) == 0 with input as d.one_run(["echo", "deb [signed-by=/k.gpg] http://x.example stable main"])
	count(rule.findings) == 0 with input as d.one_run(["echo", "trusted=yes"])
	count(rule.findings) == 0 with input as d.one_run(["echo", "deb [ trusted=yes ] file:///tmp/repo ./"])
	d.lines(rule.findings) == {2} with input as d.one_run(["echo", "deb [trusted=yes] $REPO stable main"])
	[f.msg | some f in rule.findings] == ["echo writes an apt source with [allow-insecure=yes], so its packages are accepted unsigned"] with input as d.one_run(["echo", "deb [ allow-insecure=yes ] https://x.example stable main"])
}
