import type { FrameworkId } from '../model.js';

/** How a framework is named in reports, and whether its mapping is our judgement rather than a published one. */
export interface FrameworkInfo {
  readonly name: string;
  /** True where no public tool makes the mapping: reports say it is a suggested anchor. */
  readonly suggested: boolean;
}

/** Display order of frameworks in every report. */
export const FRAMEWORK_ORDER: readonly FrameworkId[] = ['cis-docker', 'nist-800-190', 'owasp-docker', 'pci-dss', 'soc2'];

export const FRAMEWORKS: Readonly<Record<FrameworkId, FrameworkInfo>> = {
  'cis-docker': { name: 'CIS Docker Benchmark v1.6.0', suggested: false },
  'nist-800-190': { name: 'NIST SP 800-190', suggested: false },
  'owasp-docker': { name: 'OWASP Docker Top 10', suggested: false },
  'pci-dss': { name: 'PCI DSS v4.0', suggested: true },
  soc2: { name: 'SOC 2', suggested: true },
};

/**
 * Control titles shown in the job summary, keyed by the ids rule metadata uses. CIS titles are the
 * short forms of v1.6.0 items; PCI DSS and SOC 2 titles are short descriptions of suggested
 * anchors, to be checked against the standards' own wording.
 */
export const CONTROL_TITLES: Readonly<Record<FrameworkId, Readonly<Record<string, string>>>> = {
  'cis-docker': {
    '2.2': 'Network traffic is restricted between containers on the default bridge (icc disabled)',
    '2.9': 'User namespace support is enabled (userns-remap)',
    '2.12': 'Authorization for Docker client commands is enabled',
    '2.14': 'Containers are restricted from acquiring new privileges (daemon-wide)',
    '2.15': 'Live restore is enabled',
    '2.16': 'Userland proxy is disabled',
    '4.1': 'A user for the container has been created',
    '4.2': 'Containers use only trusted base images',
    '4.3': 'Unnecessary packages are not installed',
    '4.4': 'Images are scanned and rebuilt to include security patches',
    '4.5': 'Content trust for Docker is enabled',
    '4.6': 'HEALTHCHECK instructions have been added to container images',
    '4.7': 'Update instructions are not used alone in the Dockerfile',
    '4.8': 'setuid and setgid permissions are removed',
    '4.9': 'COPY is used instead of ADD',
    '4.10': 'Secrets are not stored in Dockerfiles',
    '4.11': 'Only verified packages are installed',
    '4.12': 'All signed artifacts are validated',
    '5.1': 'Swarm mode is not enabled if not needed',
    '5.2': 'AppArmor profile is enabled, if applicable',
    '5.3': 'SELinux security options are set, if applicable',
    '5.4': 'Linux kernel capabilities are restricted',
    '5.5': 'Privileged containers are not used',
    '5.6': 'Sensitive host system directories are not mounted',
    '5.7': 'sshd is not run within containers',
    '5.8': 'Privileged ports (< 1024) are not mapped',
    '5.9': 'Only needed ports are open',
    '5.10': 'The host network namespace is not shared',
    '5.11': 'Memory usage is limited',
    '5.12': 'CPU priority is set',
    '5.13': 'The root filesystem is mounted read-only',
    '5.14': 'Incoming traffic is bound to a specific host interface',
    '5.15': 'The on-failure restart policy is set to 5',
    '5.16': 'The host PID namespace is not shared',
    '5.17': 'The host IPC namespace is not shared',
    '5.18': 'Host devices are not directly exposed',
    '5.19': 'The default ulimit is overwritten only if needed',
    '5.20': 'Mount propagation is not shared',
    '5.21': 'The host UTS namespace is not shared',
    '5.22': 'The default seccomp profile is not disabled',
    '5.23': 'docker exec is not used with --privileged',
    '5.24': 'docker exec is not used with --user=root',
    '5.25': 'cgroup usage is confirmed',
    '5.26': 'The container is restricted from acquiring additional privileges',
    '5.27': 'Container health is checked at runtime',
    '5.28': 'The latest version of the image is used',
    '5.29': 'The PIDs cgroup limit is used',
    '5.30': 'The default bridge docker0 is not used',
    '5.31': 'The host user namespace is not shared',
    '5.32': 'The Docker socket is not mounted inside containers',
  },
  'nist-800-190': {
    '4.1.1': 'Image vulnerabilities',
    '4.1.2': 'Image configuration defects',
    '4.1.4': 'Embedded clear-text secrets',
    '4.1.5': 'Use of untrusted images',
    '4.2.2': 'Stale images in registries',
    '4.3.3': 'Poorly separated inter-container network traffic',
    '4.4.2': 'Unbounded network access from containers',
    '4.4.3': 'Insecure container runtime configurations',
    '4.4.4': 'App vulnerabilities',
    '4.5.5': 'Host file system tampering',
  },
  'owasp-docker': {
    D01: 'Secure User Mapping',
    D02: 'Patch Management Strategy',
    D03: 'Network Segmentation and Firewalling',
    D04: 'Secure Defaults and Hardening',
    D05: 'Maintain Security Contexts',
    D06: 'Protect Secrets',
    D07: 'Resource Protection',
    D08: 'Container Image Integrity and Origin',
    D09: 'Follow Immutable Paradigm',
    D10: 'Logging',
  },
  'pci-dss': {
    '1.4.5': 'Internal network information is not disclosed (anchor used for host namespace sharing)',
    '2.2.1': 'Configuration standards are defined and applied (CIS cited)',
    '2.2.4': 'Only necessary services, protocols and functions are enabled',
    '2.2.5': 'Insecure services are justified and secured',
    '2.2.6': 'Security parameters are set to prevent misuse',
    '3.5.1': 'Stored secrets are protected',
    '6.3.3': 'Known vulnerabilities are patched',
    '7.2.1': 'Least privilege: access control model',
    '7.2.2': 'Least privilege: access by job function',
    '7.2.3': 'Least privilege: required privileges approved',
    '8.3.2': 'Authentication factors are protected in storage and transmission',
    '10.2.1': 'Audit logs are enabled',
  },
  soc2: {
    'A1.2': 'Availability: environmental protections, capacity and recovery',
    'CC6.1': 'Logical access security and least privilege',
    'CC6.6': 'Boundary protection against threats from outside the system',
    'CC6.7': 'Protection of information and credentials in transit and at rest',
    'CC6.8': 'Prevention of unauthorized or malicious software',
    'CC7.1': 'Detection and monitoring of configuration changes and vulnerabilities',
    'CC7.2': 'Monitoring of system components for anomalies',
  },
};

/** The title of a control, or undefined when the table does not know the id. */
export function controlTitle(framework: FrameworkId, controlId: string): string | undefined {
  const titles = CONTROL_TITLES[framework];
  return Object.hasOwn(titles, controlId) ? titles[controlId] : undefined;
}
