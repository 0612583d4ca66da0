import { createRequire } from 'node:module';

/**
 * The `yaml` package, loaded on the first call rather than when the module graph loads: a mock started
 * from the built package reads its specs as JSON, so only a YAML `--config`, a served YAML spec or a
 * spec edited since the build pays for loading the parser.
 *
 * @see https://eemeli.org/yaml/
 */
export function yamlOnDemand(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}
