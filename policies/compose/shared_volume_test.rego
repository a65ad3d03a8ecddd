package container_policy.rules.compose.shared_volume_test

import data.container_policy.lib.compose_inputs_test as t
import data.container_policy.rules.compose.shared_volume as rule

mount(service, index, type, source, read_only) := {
	"type": type, "source": source, "target": "/data", "read_only": read_only, "propagation": "",
	"host_path": null, "path": ["services", service, "volumes", index],
}

test_a_writable_named_volume_in_two_services_is_caught_at_each_mount if {
	doc := t.doc([
		t.svc("app", {"volumes": [mount("app", 0, "volume", "uploads", false)]}),
		t.svc("checker", {"volumes": [mount("checker", 0, "volume", "uploads", true)]}),
	])
	rule.findings == {
		{"msg": "Service \"app\" shares the volume \"uploads\" with \"checker\"", "path": ["services", "app", "volumes", 0]},
		{"msg": "Service \"checker\" shares the volume \"uploads\" with \"app\"", "path": ["services", "checker", "volumes", 0]},
	} with input as doc
}

test_bind_paths_compare_without_dot_slash_and_trailing_slash if {
	doc := t.doc([
		t.svc("a", {"volumes": [mount("a", 0, "bind", "./logic", false)]}),
		t.svc("b", {"volumes": [mount("b", 0, "bind", "logic/", false)]}),
	])
	count(rule.findings) == 2 with input as doc
}

test_read_only_everywhere_distinct_and_anonymous_are_not_caught if {
	every services in [
		[t.svc("a", {"volumes": [mount("a", 0, "volume", "v", true)]}), t.svc("b", {"volumes": [mount("b", 0, "volume", "v", true)]})],
		[t.svc("a", {"volumes": [mount("a", 0, "bind", "./logic", false)]}), t.svc("b", {"volumes": [mount("b", 0, "bind", "./bin", false)]})],
		[t.svc("a", {"volumes": [mount("a", 0, "volume", "", false)]}), t.svc("b", {"volumes": [mount("b", 0, "volume", "", false)]})],
		[t.svc("a", {"volumes": [mount("a", 0, "volume", "v", false), mount("a", 1, "volume", "v", false)]})],
	] {
		count(rule.findings) == 0 with input as t.doc(services)
	}
}

test_a_volume_shared_by_many_names_the_first_ten_others_and_counts_the_rest if {
	names := ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"]
	doc := t.doc([t.svc(n, {"volumes": [mount(n, 0, "volume", "data", false)]}) | some n in names])
	findings := rule.findings with input as doc
	count(findings) == 13
	{"msg": "Service \"a\" shares the volume \"data\" with \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\" and 2 more", "path": ["services", "a", "volumes", 0]} in findings
	{"msg": "Service \"d\" shares the volume \"data\" with \"a\", \"b\", \"c\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\" and 2 more", "path": ["services", "d", "volumes", 0]} in findings
	{"msg": "Service \"m\" shares the volume \"data\" with \"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\" and 2 more", "path": ["services", "m", "volumes", 0]} in findings
}

test_eleven_services_are_named_in_full if {
	names := ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]
	doc := t.doc([t.svc(n, {"volumes": [mount(n, 0, "volume", "data", false)]}) | some n in names])
	findings := rule.findings with input as doc
	{"msg": "Service \"k\" shares the volume \"data\" with \"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\"", "path": ["services", "k", "volumes", 0]} in findings
	{"msg": "Service \"a\" shares the volume \"data\" with \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\"", "path": ["services", "a", "volumes", 0]} in findings
}
