/** Name and version stamped into reports; a test keeps the version equal to package.json's. */
export const TOOL = { name: 'container-policy-action', version: '0.1.0' } as const;
