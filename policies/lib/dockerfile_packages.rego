# Package-manager commands inside RUN: which packages an install names and whether each is pinned.
# Built on the shell-split commands (lib.dockerfile.commands), so `apt-get install` is matched as a
# command with its flags, never as a substring of the line.
package container_policy.lib.dockerfile_packages

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.settings

# Per manager: the programs, the install subcommands, and flags that take a separate value.
managers := {
	"apt": {"programs": {"apt-get", "apt"}, "subs": {"install"}, "valued": {"-t", "--target-release", "-o", "-c"}},
	"apk": {"programs": {"apk"}, "subs": {"add"}, "valued": {"-t", "--virtual", "-X", "--repository", "-p", "--root"}},
	"pip": {"programs": {"pip", "pip3", "pip2"}, "subs": {"install"}, "valued": {"-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-t", "--target", "--prefix", "--root", "-f", "--find-links", "--trusted-host", "--platform", "--python-version", "--only-binary", "--no-binary", "-e", "--editable"}},
	"npm": {"programs": {"npm"}, "subs": {"install", "i", "add"}, "valued": {"--prefix", "--registry", "-w", "--workspace"}},
	"gem": {"programs": {"gem"}, "subs": {"install"}, "valued": {"-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source"}},
	"rpm": {"programs": {"yum", "dnf", "microdnf", "zypper", "tdnf"}, "subs": {"install", "in"}, "valued": {"--enablerepo", "--disablerepo", "--setopt", "--releasever", "--installroot", "-r", "--repo"}},
	"go": {"programs": {"go"}, "subs": {"install"}, "valued": {"-o", "-ldflags", "-tags", "-gcflags"}},
}

# [cmd, args after the subcommand] for each install command of `manager`.
installs(manager) := [[cmd, args] |
	some [m, cmd, args] in all_installs
	m == manager
]

# [manager, cmd, args] for every install command, found once per document rather than once per
# manager asked about. Lists rather than sets here and below: iterating a set of objects in the Wasm
# runtime hashes every element (each holding a whole command) to find the next.
all_installs := [[manager, cmd, args] |
	some manager, spec in managers
	some cmd in lib.commands_of(spec.programs)
	args := lib.subcommand_args(cmd, spec.programs, spec.subs)
]

# [cmd, packages] for each install of `manager` that names packages without a version, the packages
# in the order written: one finding per command, as hadolint reports DL3008, rather than one per
# package, which put up to 49 annotations on one line of a real Dockerfile.
unpinned(manager) := [[cmd, pkgs] |
	some [cmd, args] in installs(manager)
	pkgs := [pkg |
		some pkg in lib.operands(args, managers[manager].valued)
		not pinned_by_flag(manager, args, pkg)
		not contains(pkg, "$")
		not is_local(pkg)
		not pinned(manager, pkg)
		not exempt(pkg)
	]
	count(pkgs) > 0
]

# Packages named by a file or URL install what that artefact is, not a moving version.
# Tested with string functions, not regular expressions: the Wasm runtime compiles each pattern anew
# for every document, which cost more than the rest of the pinning rules.
is_local(pkg) if {
	some prefix in local_prefixes
	startswith(pkg, prefix)
}

is_local(pkg) if {
	contains(pkg, "://")
	regex.match(`^[a-z][a-z0-9+.-]*://`, pkg)
}

is_local(pkg) if {
	some extension in local_extensions
	endswith(pkg, extension)
}

# Named once, and lists rather than sets: a literal in a rule body is built each time the body runs,
# for every package here, and walking a set hashes each element again.
local_prefixes := [".", "/", "~", "git+", "file:"]

local_extensions := [".deb", ".rpm", ".apk", ".whl", ".gem", ".tar.gz", ".tgz", ".zip"]

pinned("apt", pkg) if contains(pkg, "=")

pinned("apk", pkg) if {
	some operator in {"=", "~", "<", ">"}
	contains(pkg, operator)
}

# A single `=` is not pip syntax: pip refuses it and the build fails, so nothing unpinned lands.
pinned("pip", pkg) if {
	some operator in {"=", "<", ">", "~", "!", "@"}
	contains(pkg, operator)
}

# npm: `name@version`; a scoped name starts with @, so the version @ comes after the first character.
pinned("npm", pkg) if {
	contains(substring(pkg, 1, -1), "@")
	not endswith(pkg, "@latest")
}

pinned("gem", pkg) if contains(pkg, ":")

# rpm names: `name-1.2.3`, `name-1.2-3.el9`, or zypper's `name=1.2` / `name>=1.2`: what
# `(-[0-9][^/]*$|[=<>])` matches (a dash and a digit after the last `/`, or an operator anywhere),
# without a pattern to compile for every document.
pinned("rpm", pkg) if {
	some operator in rpm_operators
	contains(pkg, operator)
}

pinned("rpm", pkg) if {
	parts := split(pkg, "/")
	some dash_digit in dash_digits
	contains(parts[count(parts) - 1], dash_digit)
}

rpm_operators := {"=", "<", ">"}

dash_digits := {"-0", "-1", "-2", "-3", "-4", "-5", "-6", "-7", "-8", "-9"}

pinned("go", pkg) if {
	contains(pkg, "@")
	not endswith(pkg, "@latest")
}

# `npm install` and `pip install -r` with no package names install what a lock or requirements
# file says: no operands, so nothing is flagged.
# `gem install a -v 1.2 b`: the version applies to one gem (RubyGems refuses it with several), so
# only the first name counts as pinned.
pinned_by_flag("gem", args, pkg) if {
	lib.has_flag(args, {"-v", "--version"})
	pkg == lib.operands(args, managers.gem.valued)[0]
}

# Compared as strings, never as a pattern: names such as `libstdc++` or `g++` hold regex
# metacharacters, and a configured name must not be able to break the evaluation of every Dockerfile.
exempt(pkg) if {
	some name in settings.value("dockerfile.unpinned_packages_exempt")
	exempt_name(name, pkg)
}

# The exempt name alone, or followed by a version separator (`name=1.2`, `name@1`, `name>=2`).
exempt_name(name, pkg) if pkg == name

exempt_name(name, pkg) if {
	startswith(pkg, name)
	substring(pkg, count(name), 1) in {"=", "@", ":", "<", ">", "~", " "}
}

# The message of a pinning finding (concat, not sprintf: see lib.stage_name): the package, or how
# many and the first `listed_packages` of them.
message(cmd, pkgs, how) := concat("", [cmd.program, " installs \"", pkgs[0], "\" without a version (", how, ")"]) if {
	count(pkgs) == 1
} else := concat("", [cmd.program, " installs ", format_int(count(pkgs), 10), " packages without a version: ", listed(pkgs), " (", how, ")"])

listed_packages := 8

listed(pkgs) := in_words([quoted(p) | some p in pkgs]) if {
	count(pkgs) <= listed_packages
} else := concat("", [concat(", ", [quoted(p) | some p in array.slice(pkgs, 0, listed_packages)]), " and ", format_int(count(pkgs) - listed_packages, 10), " more"])

in_words(items) := concat(" and ", [concat(", ", array.slice(items, 0, count(items) - 1)), items[count(items) - 1]])

quoted(pkg) := concat("", ["\"", pkg, "\""])
