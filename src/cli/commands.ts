/**
 * The CLI's commands: parses the command line and runs one command (src/cli.ts loads this after
 * enabling Node's compile cache). What the commands run (command-modules.ts) is loaded only when a
 * command runs, so `serve` can listen before it loads the engine (see serve-command.ts).
 */
import { closestName } from '../suggest/edit-distance.ts';
import { fail } from './fail.ts';
import { SERVE_HELP, serveCommand } from './serve-command.ts';

/** Each command: its module parses its own flags (strictly: an unknown flag is an error), and its help. */
interface Command {
  readonly run: (args: string[]) => Promise<void>;
  readonly help: string;
}

const modules = () => import('./command-modules.ts');
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => ({ run: serveCommand, help: SERVE_HELP }),
  verify: () => modules().then((loaded) => ({ run: loaded.verifyCommand, help: loaded.VERIFY_HELP })),
  validate: () => modules().then((loaded) => ({ run: loaded.validateCommand, help: loaded.VALIDATE_HELP })),
  proxy: () => modules().then((loaded) => ({ run: loaded.proxyCommand, help: loaded.PROXY_HELP })),
};

/** The whole help: every command's, so every command's module. */
const help = async (): Promise<string> => {
  const [serve, verify, validate, proxy] = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `esp-cancel-mock — a stateful mock of four email platforms' "cancel a scheduled send" APIs

Usage:
  esp-cancel-mock serve [options]      start the mock server
  esp-cancel-mock verify [options]     check a live base URL (the mock or a sandbox) against the specs
  esp-cancel-mock validate FILE        check recorded traffic (HAR or journal JSON) against the specs
  esp-cancel-mock proxy --target v=URL validating proxy in front of the real vendors
  esp-cancel-mock <command> --help     the options of one command
  esp-cancel-mock --help | --version

${serve?.help}

${verify?.help}

${validate?.help}

${proxy?.help}

Admin API on the same port: /__admin (health, reset, state, requests, force, clock, faults, openapi).
See docs/reference/cli.md and docs/reference/admin-api.md.`;
};

const [command, ...rest] = process.argv.slice(2);
if (command === 'help' && rest[0] && COMMANDS[rest[0]]) {
  console.log((await COMMANDS[rest[0]]?.())?.help);
} else if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  console.log(await help());
} else if (command === '--version' || command === '-v') {
  console.log((await modules()).readServerVersion());
} else {
  const load = COMMANDS[command];
  if (!load) {
    const guess = closestName(command, Object.keys(COMMANDS));
    fail(`unknown command '${command}'.${guess ? ` Did you mean '${guess}'?` : ''} Run 'esp-cancel-mock --help'.`);
  } else {
    const entry = await load();
    if (rest.includes('--help') || rest.includes('-h')) console.log(entry.help);
    else await entry.run(rest);
  }
}
