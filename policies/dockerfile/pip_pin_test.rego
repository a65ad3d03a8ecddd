package container_policy.rules.dockerfile.pip_pin_test

import data.container_policy.lib.dockerfile_inputs_test as d
import data.container_policy.rules.dockerfile.pip_pin as rule

test_caught_0 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["pip", "install", "flask"])
}

test_caught_1 if {
	d.lines(rule.findings) == {2} with input as d.one_run(["pip3", "install", "--user", "flask"])
}

test_not_caught_0 if {
	count(rule.findings) == 0 with input as d.one_run(["pip", "install", "flask==3.0"])
}

test_not_caught_1 if {
	count(rule.findings) == 0 with input as d.one_run(["pip", "install", "-r", "requirements.txt"])
}

test_not_caught_2 if {
	count(rule.findings) == 0 with input as d.one_run(["pip", "install", "."])
}

test_not_caught_3 if {
	count(rule.findings) == 0 with input as d.one_run(["pip", "install", "pkg>=1"])
}

test_exempt_package_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["pip", "install", "flask"]) with data.container_policy.settings as {"dockerfile.unpinned_packages_exempt": ["flask"]}
}

test_python_m_pip_is_caught if {
	d.lines(rule.findings) == {2} with input as d.one_run(["python3", "-m", "pip", "install", "requests"])
}

test_single_equals_is_not_caught if {
	count(rule.findings) == 0 with input as d.one_run(["pip", "install", "requests=2.7.0"])
}
