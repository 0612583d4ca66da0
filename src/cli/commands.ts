/** The CLI's commands: parses the command line and runs one command (src/cli.ts loads this after enabling Node's compile cache). */
import { readServerVersion } from '../admin/server-identity.ts';
import { closestName } from '../suggest/edit-distance.ts';
import { fail } from './fail.ts';
import { PROXY_HELP, proxyCommand } from './proxy-command.ts';
import { SERVE_HELP, serveCommand } from './serve-command.ts';
import { VALIDATE_HELP, validateCommand } from './validate-command.ts';
import { VERIFY_HELP, verifyCommand } from './verify-command.ts';

const HELP = `esp-cancel-mock — a stateful mock of four email platforms' "cancel a scheduled send" APIs

Usage:
  esp-cancel-mock serve [options]      start the mock server
  esp-cancel-mock verify [options]     check a live base URL (the mock or a sandbox) against the specs
  esp-cancel-mock validate FILE        check recorded traffic (HAR or journal JSON) against the specs
  esp-cancel-mock proxy --target v=URL validating proxy in front of the real vendors
  esp-cancel-mock <command> --help     the options of one command
  esp-cancel-mock --help | --version

${SERVE_HELP}

${VERIFY_HELP}

${VALIDATE_HELP}

${PROXY_HELP}

Admin API on the same port: /__admin (health, reset, state, requests, force, clock, faults, openapi).
See docs/reference/cli.md and docs/reference/admin-api.md.`;

/** Each command: its module parses its own flags (strictly: an unknown flag is an error), and its help. */
const COMMANDS: Record<string, { run: (args: string[]) => Promise<void>; help: string }> = {
  serve: { run: serveCommand, help: SERVE_HELP },
  verify: { run: verifyCommand, help: VERIFY_HELP },
  validate: { run: validateCommand, help: VALIDATE_HELP },
  proxy: { run: proxyCommand, help: PROXY_HELP },
};

const [command, ...rest] = process.argv.slice(2);
if (command === 'help' && rest[0] && COMMANDS[rest[0]]) {
  console.log(COMMANDS[rest[0]]?.help);
} else if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  console.log(HELP);
} else if (command === '--version' || command === '-v') {
  console.log(readServerVersion());
} else {
  const entry = COMMANDS[command];
  if (!entry) {
    const guess = closestName(command, Object.keys(COMMANDS));
    fail(`unknown command '${command}'.${guess ? ` Did you mean '${guess}'?` : ''} Run 'esp-cancel-mock --help'.`);
  } else if (rest.includes('--help') || rest.includes('-h')) console.log(entry.help);
  else await entry.run(rest);
}
