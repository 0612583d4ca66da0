#!/usr/bin/env node
import { readServerVersion } from './admin/server-identity.ts';
import { fail } from './cli/fail.ts';
import { PROXY_HELP, proxyCommand } from './cli/proxy-command.ts';
import { SERVE_HELP, serveCommand } from './cli/serve-command.ts';
import { VALIDATE_HELP, validateCommand } from './cli/validate-command.ts';
import { VERIFY_HELP, verifyCommand } from './cli/verify-command.ts';

const HELP = `esp-cancel-mock — a stateful mock of four email platforms' "cancel a scheduled send" APIs

Usage:
  esp-cancel-mock serve [options]      start the mock server
  esp-cancel-mock verify [options]     check a live base URL (the mock or a sandbox) against the specs
  esp-cancel-mock validate FILE        check recorded traffic (HAR or journal JSON) against the specs
  esp-cancel-mock proxy --target v=URL validating proxy in front of the real vendors
  esp-cancel-mock --help | --version

${SERVE_HELP}

${VERIFY_HELP}

${VALIDATE_HELP}

${PROXY_HELP}

Admin API on the same port: /__admin (reset, state, requests, force, clock, faults). See the README.`;

/** Each command: its module parses its own flags (strictly: an unknown flag is an error). */
const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  verify: verifyCommand,
  validate: validateCommand,
  proxy: proxyCommand,
};

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  console.log(HELP);
} else if (command === '--version' || command === '-v') {
  console.log(readServerVersion());
} else {
  const run = COMMANDS[command];
  if (!run) fail(`unknown command '${command}'. Run 'esp-cancel-mock --help'.`);
  else if (rest.includes('--help') || rest.includes('-h')) console.log(HELP);
  else await run(rest);
}
