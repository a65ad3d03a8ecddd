import type { ConfigFile } from './config-file.js';
import type { ScanSettings } from './settings.js';

/**
 * Settings with the configuration file's values filled in where no input or flag gave one
 * explicitly: an explicit input always wins, the file wins over the built-in defaults.
 */
export function applyConfigToSettings<T extends ScanSettings>(settings: T, config: ConfigFile): T {
  const explicit = new Set(settings.explicit ?? []);
  const dockerfile = !explicit.has('dockerfilePatterns') ? config.files?.dockerfile : undefined;
  const compose = !explicit.has('composePatterns') ? config.files?.compose : undefined;
  return {
    ...settings,
    ...(config.failOn && !explicit.has('failOn') ? { failOn: config.failOn } : {}),
    // A frameworks input is set only when given, so its presence is what makes it explicit.
    ...(config.frameworks && !settings.frameworks ? { frameworks: config.frameworks } : {}),
    ...(dockerfile || compose
      ? { patterns: { dockerfile: dockerfile ?? settings.patterns.dockerfile, compose: compose ?? settings.patterns.compose } }
      : {}),
  };
}
