# METADATA
# title: RUN command is not valid shell
# description: >-
#   The shell parser could not read a RUN's script (a shell-form RUN, or the `-c` script of an
#   exec-form RUN such as `["sh", "-c", "..."]`): an unclosed quote, a stray `fi`, ... The step will
#   probably fail at build time, and no command-level rule could check it, so this is reported
#   rather than skipped.
# custom:
#   id: CPD049
#   severity: warn
#   remediation: >-
#     Fix the shell syntax the message points at (`sh -n` on the script reproduces the error).
#   compliance:
#     cis-docker: []
#     nist-800-190: []
#     owasp-docker: []
#     pci-dss: []
#     soc2: []
#   aliases:
#     hadolint: []
#     trivy: []
#     kics: []
#     checkov: []
package container_policy.rules.dockerfile.shell_syntax_error

findings contains finding if {
	some ins in input.instructions
	is_object(ins.shellError)
	finding := {"msg": sprintf("RUN is not valid shell: %s; command rules could not check it", [ins.shellError.message]), "startLine": ins.shellError.line, "endLine": ins.shellError.line}
}
