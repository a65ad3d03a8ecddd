# METADATA
# title: Downloaded script piped into a shell
# description: >-
#   `curl ... | sh` (or wget) runs whatever the server returns at build time, unverified: a
#   compromised server or CDN, or a truncated download, executes in the build with its
#   privileges. So do the forms without a pipe: `sh -c "$(curl ...)"`, `eval "$(wget -O- ...)"`,
#   `bash <(curl ...)`, `python3 -c "$(curl ...)"`, and a file saved then run by the same RUN with
#   nothing in it checking the file's checksum or signature (`curl -fsSLo get-docker.sh URL && sh
#   get-docker.sh`, `chmod +x tool && ./tool`). None of hadolint, Trivy, KICS or Checkov checks
#   this.
# custom:
#   id: CPD026
#   severity: deny
#   remediation: >-
#     Download the script to a file, verify its checksum or signature, then run it: `curl -fsSLo
#     install.sh URL && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`.
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
#     checkov: []
package container_policy.rules.dockerfile.curl_pipe_shell

import data.container_policy.lib.dockerfile as lib
import data.container_policy.lib.dockerfile_downloads as downloads

findings contains finding if {
	some cmd in lib.commands_of(["curl", "wget"])
	cmd.pipelineSize > 1
	last_interpreter[[cmd.ins, cmd.pipeline]] > cmd.position
	finding := lib.at_command(cmd, sprintf("%s output is piped into a shell without verification", [cmd.program]))
}

# The position of the last interpreter in each pipeline that runs one: a download anywhere before it
# in the pipeline is run as code (`curl URL | tee x | sh`). Found once per pipeline: going through the
# rest of the pipeline for each download took a pipeline of 3,000 downloads a minute.
last_interpreter[key] := max(positions) if {
	some key, positions in interpreter_positions
}

interpreter_positions[[c.ins, c.pipeline]] contains c.position if {
	some c in lib.commands_of(interpreter_list)
	c.pipelineSize > 1
}

# commands_of takes a list.
interpreter_list := [p | some p in interpreters]

# The output run as code without a pipe: a command substitution where the program goes (what
# `sh -c "$(curl ...)"` and `eval "$(curl ...)"` come to once their scripts are split), a process
# substitution given to a shell as its script, or a substitution given as an interpreter's code.
# Looked for only in RUNs that download, among the commands of that RUN, each RUN once: walked once
# per download instead, one RUN of 10,000 downloads would be 10,000 walks of 10,000 commands.
findings contains finding if {
	some ins in downloading_runs
	some cmd in lib.instruction_commands(ins)
	some program in output_run_by(cmd)
	finding := lib.at_command(cmd, sprintf("%s output is run as a script without verification", [program]))
}

downloading_runs contains download.ins if some download in lib.commands_of(["curl", "wget"])

# A download saved to a file that the same RUN then runs, with nothing in the RUN checking its
# checksum or signature: `curl -fsSLo get-docker.sh URL && sh get-docker.sh`, `wget -qO- URL >
# i.sh && bash i.sh`, `chmod +x i.sh && ./i.sh`. Saving the script first changes nothing unless it is
# checked. The files each downloading RUN runs are found once per RUN, then looked up per download:
# matching each download against its RUN's commands took a RUN of 10,000 downloads 30 s.
findings contains finding if {
	some d in downloads.saves
	not downloads.verified(d.cmd.ins)
	files_run[[d.cmd.ins, local_path(d.file)]]
	finding := lib.at_command(d.cmd, sprintf("%s saves %s and the RUN runs it without a checksum or signature check", [d.cmd.program, d.file]))
}

# [RUN, file] for each file a command of a downloading RUN runs: as its program, or as the script
# its interpreter is given.
files_run contains [ins, local_path(c.words[0])] if {
	some ins in downloading_runs
	some c in lib.instruction_commands(ins)
}

files_run contains [ins, local_path(first_operand(c.words))] if {
	some ins in downloading_runs
	some c in lib.instruction_commands(ins)
	script_runners[c.program]
	not syntax_check(c)
}

# `./x.sh` and `x.sh` name the same file.
local_path(path) := substring(path, 2, -1) if startswith(path, "./")

local_path(path) := path if not startswith(path, "./")

# `sh -n script` reads the script without running it.
syntax_check(c) if {
	shells[c.program]
	some w in c.words
	lib.short_flag_group(w)
	contains(w, "n")
}

shells := {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"}

# `./x.sh` and `x.sh` name the same file.
local_path(path) := substring(path, 2, -1) if startswith(path, "./")

local_path(path) := path if not startswith(path, "./")

output_run_by(cmd) := downloads_in(cmd.words[0]) if {
	substitution_start(cmd.words[0])
} else := downloads_in(script) if {
	script_runners[cmd.program]
	script := first_operand(cmd.words)
	startswith(script, "<(")
} else := downloads_in(code) if {
	flags := code_flags[cmd.program] # looked up once, not for every word
	some i, word in cmd.words
	flags[word]
	code := cmd.words[i + 1]
}

substitution_start(word) if startswith(word, "$(")

substitution_start(word) if startswith(word, "`")

# The first word after the program that is not an option (a shell's script file).
first_operand(words) := words[min([i | some i, w in words; i > 0; not startswith(w, "-")])]

# The downloaders whose output a word substitutes: `$(curl ...)`, `` `wget ...` ``, `<(curl ...)`.
downloads_in(word) := {m[1] |
	some m in regex.find_all_string_submatch_n(substitution_pattern, word, -1)
}

substitution_pattern := "(?:\\$\\(|<\\(|`)\\s*(?:\\S*/)?(curl|wget)(?:\\s|\\)|`|$)"

# The interpreters, and what runs a file of shell code in the current shell.
script_runners := interpreters | {"mksh", "source", "."}

# The options that take code to run as their value, by interpreter.
code_flags := {
	"python": {"-c"},
	"python3": {"-c"},
	"perl": {"-e", "-E"},
	"ruby": {"-e"},
	"node": {"-e", "--eval", "-p", "--print"},
	"php": {"-r"},
}

# Named once rather than written in the loop, where the set would be built again for every command.
interpreters := {"sh", "bash", "dash", "ash", "zsh", "ksh", "python", "python3", "perl", "ruby", "node", "php"}
