/**
 * The documented CI job, taken from the CI guide so the docs cannot drift from what CI runs.
 * `docs/guides/ci.md` holds the job twice: a GitHub Actions block after `<!-- ci-job:github-actions -->`
 * and the plain shell steps after `<!-- ci-job:shell -->`. This script checks that the shell block runs
 * exactly the `run:` steps of the YAML, in order, and prints the shell block (`.ci/readme-ci-job.sh`
 * runs it). Usage: `tsx scripts/extract-ci-job.ts docs/guides/ci.md > job.sh`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The two blocks of the guide and the YAML's `run:` steps. */
export interface CiJob {
  readonly yaml: string;
  readonly shell: string;
  readonly runSteps: readonly string[];
}

/** The fenced block after a marker comment, or an error naming the marker. */
function blockAfter(markdown: string, marker: string): string {
  const start = markdown.indexOf(`<!-- ${marker} -->`);
  if (start === -1) throw new Error(`no <!-- ${marker} --> marker`);
  const fence = /```[a-z]*\n([\s\S]*?)```/.exec(markdown.slice(start));
  if (!fence) throw new Error(`no fenced block after <!-- ${marker} -->`);
  return fence[1] as string;
}

/** Command lines of a script: without comments, blank lines and the `set -euo pipefail` preamble. */
export function commandLines(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && line !== 'set -euo pipefail');
}

/**
 * Reads the job from the guide and checks the shell block against the YAML's `run:` steps.
 *
 * @see https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idstepsrun
 */
export function extractCiJob(markdown: string): CiJob {
  const yaml = blockAfter(markdown, 'ci-job:github-actions');
  const shell = blockAfter(markdown, 'ci-job:shell');
  const job = parse(yaml) as Record<string, { steps?: Array<{ run?: string }> }>;
  const [first] = Object.values(job);
  const runSteps = (first?.steps ?? []).flatMap((step) => (step.run === undefined ? [] : [step.run]));
  const expected = runSteps.flatMap(commandLines);
  const actual = commandLines(shell);
  if (expected.join('\n') !== actual.join('\n')) {
    throw new Error(
      `the shell steps differ from the YAML's run: steps.\nYAML:\n  ${expected.join('\n  ')}\nshell:\n  ${actual.join('\n  ')}`,
    );
  }
  return { yaml, shell, runSteps };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'docs/guides/ci.md';
  try {
    process.stdout.write(extractCiJob(readFileSync(file, 'utf8')).shell);
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    process.exit(1);
  }
}
