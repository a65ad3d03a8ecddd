/**
 * Dockerfiles and compose files are kilobytes; the largest in a corpus of 4,000 real ones is under
 * 100 KiB. 2 MiB leaves room for generated files while bounding the memory a hostile PR can claim.
 * The default of `max-file-size`, and the largest file the plain YAML reader takes (plain-yaml.ts):
 * kept in one place so the two cannot drift apart.
 */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
