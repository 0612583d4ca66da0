import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closestName } from '../suggest/edit-distance.ts';
import { ALL_VENDORS, checkVendorNames } from '../vendor-names.ts';
import { fail } from './fail.ts';

/** The other names a flag answers to on every command: `--vendor` is `--vendors`. */
export const FLAG_ALIASES: Readonly<Record<string, string>> = { vendor: 'vendors' };

type FlagConfig = ParseArgsConfig & { readonly options: NonNullable<ParseArgsConfig['options']> };

/** Parsed flags, or the one sentence that says which input was wrong (errors as data). */
export type FlagParse<T extends FlagConfig> =
  | { readonly ok: true; readonly parsed: ReturnType<typeof parseArgs<T>> }
  | { readonly ok: false; readonly message: string };

/**
 * Strict flag parsing shared by every command, on top of `node:util` `parseArgs`: aliases
 * ({@link FLAG_ALIASES}) become their flag, an unknown flag is refused with the closest known one
 * ("did you mean --port?"), and a negative number after a flag is that flag's value (`--journal-size -1`
 * reaches the range check instead of being read as an option).
 *
 * @see https://nodejs.org/api/util.html#utilparseargsconfig
 */
export function parseFlags<T extends FlagConfig>(command: string, args: readonly string[], config: T): FlagParse<T> {
  const names = Object.keys(config.options);
  const known = [...names, ...Object.keys(FLAG_ALIASES).filter((alias) => names.includes(FLAG_ALIASES[alias] as string))];
  const normalised: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      normalised.push(...args.slice(index));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      normalised.push(arg);
      continue;
    }
    const [rawName = '', ...valueParts] = arg.replace(/^--?/, '').split('=');
    const name = FLAG_ALIASES[rawName] && names.includes(FLAG_ALIASES[rawName] as string) ? (FLAG_ALIASES[rawName] as string) : rawName;
    if (!arg.startsWith('--') || !names.includes(name)) {
      const guess = closestName(rawName, known);
      const hint = guess ? ` Did you mean --${guess}?` : '';
      return { ok: false, message: `unknown flag '${arg.split('=')[0]}' for ${command}.${hint} Run 'esp-cancel-mock ${command} --help'.` };
    }
    const value = valueParts.length > 0 ? valueParts.join('=') : undefined;
    const next = args[index + 1];
    if (value === undefined && config.options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      normalised.push(`--${name}=${next}`);
      index++;
    } else {
      normalised.push(value === undefined ? `--${name}` : `--${name}=${value}`);
    }
  }
  try {
    return { ok: true, parsed: parseArgs({ ...config, args: normalised, strict: true }) as ReturnType<typeof parseArgs<T>> };
  } catch (error) {
    return { ok: false, message: `${(error as Error).message.replace(/\.$/, '')}. Run 'esp-cancel-mock ${command} --help'.` };
  }
}

/**
 * A comma-separated list flag (`--vendors omeda,sfmc`) as its trimmed, non-empty items.
 *
 * @see https://clig.dev/#arguments-and-flags
 */
export function splitList(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * `--vendors` as the names it lists, every vendor when the flag is not given. A list that names no
 * vendor (`--vendors ""`, often an unset variable) or a name that is unknown or given twice exits with
 * the sentence that says so, prefixed `--vendors:`, before anything is loaded.
 *
 * @see ../../docs/reference/cli.md
 */
export function readVendorsFlag(value: string | undefined): readonly string[] {
  const names = splitList(value) ?? ALL_VENDORS;
  try {
    checkVendorNames(names);
  } catch (error) {
    fail(`--vendors: ${(error as Error).message.replace(/^\[esp-cancel-mock\] /, '')}`);
  }
  return names;
}
