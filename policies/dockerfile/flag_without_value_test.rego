package container_policy.rules.dockerfile.flag_without_value_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.copy_multiple_sources
import data.container_policy.rules.dockerfile.flag_without_value as rule

with_flags(ins, flags) := object.union(ins, {"flagList": flags})

bare(name) := {"name": name, "value": "", "withoutValue": true}

valued(name, value) := {"name": name, "value": value}

test_caught_with_the_meant_value if {
	copy := with_flags(d.ins("COPY", ["build", "/app/public", "/usr/share/nginx/html"], 0, 4), [bare("from")])
	{f.msg | some f in rule.findings} == {`COPY --from has no value, so BuildKit refuses the build ("missing a value on flag: from"); write --from=build`} with input as d.one_stage([copy])
}

test_caught_on_each_instruction if {
	instructions := [
		with_flags(d.ins("RUN", ["type=cache,target=/root/.cache", "pip", "install", "x"], 0, 2), [bare("mount")]),
		with_flags(d.ins("HEALTHCHECK", ["30s", "CMD", "true"], 0, 3), [bare("interval")]),
		with_flags(d.ins("ADD", ["sha256:ab", "https://example.com/x.tgz", "/x.tgz"], 0, 4), [bare("checksum")]),
		with_flags(d.ins("COPY", ["1000:1000", "a", "/b"], 0, 5), [valued("link", ""), bare("chown")]),
	]
	d.lines(rule.findings) == {2, 3, 4, 5} with input as d.one_stage(instructions)
}

# Not the last flag: the next word is a flag, not the meant value, so none is guessed.
test_no_guess_when_another_flag_follows if {
	copy := with_flags(d.ins("COPY", ["a", "/b"], 0, 2), [bare("chmod"), valued("chown", "1:1")])
	{f.msg | some f in rule.findings} == {`COPY --chmod has no value, so BuildKit refuses the build ("missing a value on flag: chmod"); write --chmod=<value>`} with input as d.one_stage([copy])
}

test_not_caught_boolean_and_valued_flags if {
	instructions := [
		with_flags(d.ins("COPY", ["a", "/b"], 0, 2), [bare("link"), bare("parents"), valued("from", "build")]),
		with_flags(d.ins("ADD", ["https://example.com/r.git", "/r"], 0, 3), [bare("keep-git-dir")]),
		with_flags(d.ins("COPY", ["a", "b"], 0, 4), [valued("from", "")]),
		d.flagged("COPY", {"from": ""}, ["a", "b"], 0, 5),
	]
	count(rule.findings) == 0 with input as d.one_stage(instructions)
}

# The value read as a source must not be reported as a second source to a file destination.
test_copy_multiple_sources_leaves_it if {
	copy := with_flags(d.ins("COPY", ["build", "/x", "/y"], 0, 2), [bare("from")])
	count(copy_multiple_sources.findings) == 0 with input as d.one_stage([copy])
	count(copy_multiple_sources.findings) == 1 with input as d.one_stage([d.ins("COPY", ["build", "/x", "/y"], 0, 2)])
}

# A COPY or ADD left with fewer than a source and a destination had no value written at all.
test_no_guess_when_the_value_is_missing if {
	add := with_flags(d.ins("ADD", ["https://example.com/x.tgz", "/"], 0, 2), [bare("checksum")])
	{f.msg | some f in rule.findings} == {`ADD --checksum has no value, so BuildKit refuses the build ("missing a value on flag: checksum"); write --checksum=<value>`} with input as d.one_stage([add])
}
