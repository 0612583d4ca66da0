/**
 * The licences of the third-party code `scripts/bundle-dist.ts` bundles into dist/: every package with
 * a file among esbuild's inputs, with its licence file, as those licences ask (the copyright and
 * permission notice go with every copy). Written to `dist/THIRD-PARTY-LICENSES.md`.
 *
 * @see https://esbuild.github.io/api/#metafile
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The licences of the packages among `inputs` (esbuild's metafile input paths), as one Markdown file. */
export function thirdPartyLicenses(root: string, inputs: readonly string[]): string {
  const packages = new Set<string>();
  for (const input of inputs) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1] && !match[1].startsWith('.')) packages.add(match[1]);
  }
  const sections = [...packages].sort().map((name) => {
    const folder = join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      version: string;
      license?: string;
      author?: unknown;
    };
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].find((candidate) => existsSync(join(folder, candidate)));
    const text = file ? readFileSync(join(folder, file), 'utf8').trim() : missingLicense(name, manifest);
    return `## ${name} ${manifest.version} (${manifest.license ?? 'see below'})\n\n${text}\n`;
  });
  return `# Third-party licences\n\nCode of these packages is bundled, minified, into dist/ (see scripts/bundle-dist.ts).\n\n${sections.join('\n')}`;
}

/** A package that ships no licence file: its declared licence and author, or the build stops. */
function missingLicense(name: string, manifest: { license?: string; author?: unknown }): string {
  if (!manifest.license) throw new Error(`[esp-cancel-mock] ${name} is bundled into dist/ but declares no licence`);
  const author = typeof manifest.author === 'string' ? manifest.author : JSON.stringify(manifest.author ?? 'its authors');
  return `Licensed under ${manifest.license} by ${author}; the package ships no licence file (see its package.json).`;
}
