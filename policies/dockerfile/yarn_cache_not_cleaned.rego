# METADATA
# title: yarn install keeps its download cache
# description: >-
#   A RUN in the shipped image installs with yarn (`yarn`, `yarn install`, `yarn add`, `yarn global
#   add`, `yarn workspace <name> add`) but does not empty yarn's cache in the same step, so every
#   package tarball yarn downloaded stays in a layer, often more than the installed packages
#   themselves. Builder stages are not checked; a RUN that mounts a build cache on yarn's cache
#   directory, or removes that directory, is not flagged.
# custom:
#   id: CPD074
#   severity: warn
#   remediation: >-
#     Finish the same RUN with `&& yarn cache clean` (`yarn cache clean --all` on Yarn 2 and later),
#     or keep the cache out of the image with a cache mount: `RUN
#     --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile`.
#   compliance:
#     cis-docker: []
#     nist-800-190: ["4.1.2"]
#     owasp-docker: ["D04"]
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: ["DL3060"]
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.yarn_cache_not_cleaned

import data.container_policy.lib.dockerfile as lib

findings contains finding if {
	some cmd in lib.commands_of(["yarn", "yarnpkg"])
	lib.final_image_command(cmd)
	verb := install_verb(cmd)
	not cache_emptied(cmd)
	finding := lib.at_command(cmd, concat("", [
		"`", verb, "` without `", cmd.program,
		" cache clean` in the same RUN leaves yarn's download cache in the image",
	]))
}

# yarn's options that take a value as the next word (`--cwd app install`): that value is not the
# subcommand.
valued_options := {"--cwd", "--cache-folder", "--modules-folder", "--global-folder", "--link-folder", "--mutex", "--network-timeout", "--registry", "--use-yarnrc"}

# The words naming what the command does, when it installs: `yarn` alone (or with only options,
# `yarn --frozen-lockfile`) installs the project's dependencies, unless it is asked for its version
# or help.
install_verb(cmd) := cmd.program if {
	count(verbs(cmd)) == 0
	not lib.has_flag(cmd.words, {"--version", "-v", "-V", "--help", "-h"})
} else := concat(" ", [cmd.program, installing_verb(verbs(cmd))])

# The words after the program that are not options or their values: `yarn --cwd app global add x`
# gives ["global", "add", "x"].
verbs(cmd) := lib.operands(array.slice(cmd.words, 1, count(cmd.words)), valued_options)

installing_verb(words) := words[0] if words[0] in {"install", "add"}

installing_verb(words) := "global add" if {
	words[0] == "global"
	words[1] == "add"
}

installing_verb(words) := concat(" ", ["workspace", words[1], words[2]]) if {
	words[0] == "workspace"
	words[2] in {"install", "add"}
}

# Whether the RUN of `cmd` leaves no cache behind: it cleans the cache, removes the cache directory,
# or mounts a build cache where yarn keeps it.
cache_emptied(cmd) if cleaned_runs[cmd.ins]

cache_emptied(cmd) if removed_runs[cmd.ins]

cache_emptied(cmd) if {
	some f in object.get(input.instructions[cmd.ins], "flagList", [])
	f.name == "mount"
	contains(f.value, "type=cache")
	contains(f.value, "yarn")
}

cache_emptied(cmd) if {
	some i, w in cmd.words
	folder := given_cache_folder(cmd.words, i, w)
	folder_emptied(cmd.ins, folder)
}

# Whether the RUN at `ins` removes `folder`, or mounts a build cache on it.
folder_emptied(ins, folder) if lib.rm_removes(ins, folder)

folder_emptied(ins, folder) if lib.cache_mount(ins, folder)

# The RUNs that run `yarn cache clean`, found once for the file.
cleaned_runs contains c.ins if {
	some c in lib.commands_of(["yarn", "yarnpkg"])
	words := verbs(c)
	words[0] == "cache"
	words[1] == "clean"
}

# The RUNs that remove yarn's cache directory (`rm -rf /usr/local/share/.cache/yarn`,
# `rm -rf ~/.cache/yarn`, `rm -rf "$(yarn cache dir)"`), found once for the file.
removed_runs contains c.ins if {
	some c in lib.commands_of(["rm"])
	some w in array.slice(c.words, 1, count(c.words))
	names_yarn_cache(w)
}

names_yarn_cache(w) if contains(w, ".cache/yarn")

names_yarn_cache(w) if contains(w, "yarn cache dir")

# The directory a word gives yarn for its cache: `--cache-folder <dir>` or `--cache-folder=<dir>`.
given_cache_folder(words, i, w) := trim_right(words[i + 1], "/") if {
	w == "--cache-folder"
	i + 1 < count(words)
}

given_cache_folder(_, _, w) := trim_right(substring(w, count("--cache-folder="), -1), "/") if {
	startswith(w, "--cache-folder=")
}
