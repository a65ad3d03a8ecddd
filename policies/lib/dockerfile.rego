# Helpers over the Dockerfile input document (src/parse/input-document.ts, DockerfileDocument).
package container_policy.lib.dockerfile

# The stage a plain `docker build` produces; undefined when the file has no FROM.
final_stage := stage if {
	some stage in input.stages
	stage.isFinal == true
}

# How messages name a stage: by its quoted `AS` name when it has one, otherwise by its 0-based
# index, which is also how `COPY --from=<n>` refers to it.
stage_name(stage) := sprintf("\"%s\"", [stage.name]) if is_string(stage.name)

stage_name(stage) := format_int(stage.index, 10) if not is_string(stage.name)

# Indices of the stages whose filesystem and config `stage` inherits, itself included: `FROM <stage>`
# chains followed back to the first stage based on an image.
lineage(stage) := graph.reachable(base_graph, {stage.index})

base_graph[s.index] := bases(s) if {
	some s in input.stages
}

bases(s) := [s.baseStage] if is_number(s.baseStage)

bases(s) := [] if not is_number(s.baseStage)
