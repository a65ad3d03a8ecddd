# METADATA
# title: TLS certificate verification is turned off
# description: >-
#   A download with TLS verification off (`curl -k`, `wget --no-check-certificate`, `pip
#   --trusted-host`, `npm config set strict-ssl false`, `git -c http.sslVerify=false`, `dnf
#   --setopt=sslverify=0`, or `sslverify=0` written into a yum or dnf configuration with `echo`,
#   `printf` or `sed`) accepts any server that answers, so a network attacker can substitute what
#   the build installs. The same goes for the variables that turn it off (`NODE_TLS_REJECT_UNAUTHORIZED=0`,
#   `GIT_SSL_NO_VERIFY`, `PYTHONHTTPSVERIFY=0`, `PIP_TRUSTED_HOST`, `GOINSECURE`,
#   `NPM_CONFIG_STRICT_SSL=false`) set by ENV, ARG, `export` or before a command; an ENV one
#   stays on in the running container too.
# custom:
#   id: CPD027
#   severity: deny
#   remediation: >-
#     Remove the option or variable and fix the certificate problem (install the CA bundle: `apt-get install
#     -y ca-certificates`, or `COPY` the corporate CA and run `update-ca-certificates`).
#   compliance:
#     cis-docker: ["4.11", "4.12"]
#     nist-800-190: ["4.1.5"]
#     owasp-docker: ["D08"]
#     pci-dss: ["6.3.3"]
#     soc2: ["CC6.8"]
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: ["CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11", "CKV2_DOCKER_12"]
package container_policy.rules.dockerfile.tls_verification_disabled

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.tls_variables

findings contains finding if {
	some cmd in lib.commands_of(programs)
	option := insecure_option(cmd)
	finding := lib.at_command(cmd, sprintf("%s turns TLS verification off (%s)", [cmd.program, option]))
}

# A variable that turns verification off, set for the build's commands (ARG, `export`) or also for
# the image's (ENV).
findings contains finding if {
	some ins in lib.instructions_of(["ARG", "ENV"])
	some arg in ins.args
	tool := turned_off_by(arg)
	finding := lib.at_instruction(ins, sprintf("%s %s turns TLS verification off for %s", [ins.keyword, arg, tool]))
}

findings contains finding if {
	some cmd in lib.commands_of(["export"])
	some arg in array.slice(cmd.words, 1, count(cmd.words))
	tool := turned_off_by(arg)
	finding := lib.at_command(cmd, sprintf("export %s turns TLS verification off for %s", [arg, tool]))
}

# `GIT_SSL_NO_VERIFY=1 git clone ...`: set for one command. Only commands with such words carry them.
findings contains finding if {
	some [c, arg] in lib.prefix_assignments
	tool := turned_off_by(arg)
	program := lib.basename(lib.unwrap(c)[0])
	msg := sprintf("%s before %s turns TLS verification off for %s", [arg, program, tool])
	finding := {"msg": msg, "startLine": c.line, "endLine": c.line}
}

# The tool whose verification `arg` (`NAME=value`) turns off, or undefined. The name is looked up
# first: most are not in the table, and cutting out a value costs arithmetic on big numbers in Wasm.
turned_off_by(arg) := tls_variables.tool_turned_off(name, substring(arg, i + 1, -1)) if {
	i := indexof(arg, "=")
	i > 0
	name := substring(arg, 0, i)
	tls_variables.known(name)
}

# The programs insecure_option knows about.
programs := ({"curl", "wget", "pip", "pip3", "npm", "yarn", "pnpm", "git"} | yum_family) | config_writers

# The rpm package managers whose `sslverify` option turns certificate checks off (`--setopt=sslverify=0`,
# for every repository or `--setopt=<repo>.sslverify=0` for one), and their configuration tools.
yum_family := {"yum", "dnf", "dnf5", "microdnf", "tdnf", "yum-config-manager"}

# Commands that write configuration text: `echo sslverify=0 >> /etc/yum.conf`, `sed -i
# 's/sslverify=1/sslverify=0/' /etc/dnf/dnf.conf`.
config_writers := {"echo", "printf", "sed"}

# One option per command, so `curl -k --insecure` names the first: two values for the same command
# would be a conflict that fails the evaluation of the whole file.
insecure_option(cmd) := "-k" if {
	cmd.program == "curl"
	lib.has_short_flag(cmd.words, "k")
} else := "--insecure" if {
	cmd.program == "curl"
	lib.has_flag(cmd.words, {"--insecure"})
}

insecure_option(cmd) := "--no-check-certificate" if {
	cmd.program == "wget"
	lib.has_flag(cmd.words, {"--no-check-certificate"})
}

insecure_option(cmd) := "--trusted-host" if {
	cmd.program in {"pip", "pip3"}
	some w in cmd.words
	startswith(w, "--trusted-host")
} else := "config set trusted-host" if {
	cmd.program in {"pip", "pip3"}
	cmd.words[1] == "config"
	some w in cmd.words
	endswith(w, ".trusted-host")
}

insecure_option(cmd) := "strict-ssl false" if {
	cmd.program in {"npm", "yarn", "pnpm"}
	lib.has_flag(cmd.words, {"strict-ssl", "strict-ssl=false", "--strict-ssl=false"})
	lib.has_flag(cmd.words, {"false", "strict-ssl=false", "--strict-ssl=false"})
}

insecure_option(cmd) := "http.sslVerify false" if {
	cmd.program == "git"
	some w in cmd.words
	ssl_verify_key(w)
	lib.has_flag(cmd.words, {"false", "http.sslVerify=false", "http.sslverify=false"})
}

# What `(?i)^http\.sslverify(=false)?$` matches, with string functions: the Wasm runtime compiles a
# pattern anew for every document. Under the pattern's case folding the only character outside ASCII
# that matches one of these letters is the long s; with it replaced, the word must be ASCII (lower()
# also takes a few other characters, such as the dotted capital I, to ASCII letters).
ssl_verify_key(w) if {
	ascii := replace(w, "\u017f", "s")
	ssl_verify_keys[lower(ascii)]
	lib.only_chars(ascii, ssl_verify_chars)
}

ssl_verify_keys := {"http.sslverify", "http.sslverify=false"}

ssl_verify_chars := concat("", [lib.ascii_letters, ".="])

insecure_option(cmd) := sslverify_off(cmd.words) if cmd.program in yum_family

insecure_option(cmd) := concat("", ["writes ", setting, " for yum and dnf"]) if {
	cmd.program in config_writers
	setting := sslverify_off(cmd.words)
}

# The first word that sets `sslverify` to a false value, as `sslverify=<value>`. A word may set it
# more than once (`s/sslverify=1/sslverify=0/`): the last setting is the one written. A sed command
# deleting the lines that hold it (`/sslverify=0/d`) writes nothing.
sslverify_off(words) := settings[0] if {
	settings := [setting |
		some w in array.slice(words, 1, count(words))
		not endswith(w, "/d")
		setting := sslverify_setting_off(w)
	]
	count(settings) > 0
}

sslverify_setting_off(word) := concat("", ["sslverify=", value]) if {
	text := replace(lower(word), " ", "")
	contains(text, "sslverify=")
	settings := split(text, "sslverify=")
	value := false_value(settings[count(settings) - 1])
}

# The value at the start of `text`, when it is one dnf and yum read as false; the character after it
# must end the value, so `0` is not read out of `01` nor `no` out of `none`.
false_value(text) := value if {
	some value in ["0", "false", "no", "off"]
	startswith(text, value)
	value_ends(substring(text, count(value), 1))
}

value_ends("")

value_ends(next) if {
	next != ""
	not lib.only_chars(next, value_chars)
}

value_chars := concat("", [lib.ascii_letters, lib.ascii_digits, "_"])
