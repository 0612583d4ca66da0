/**
 * What the commands load once they run: the engine and the server, the proxy, the contract checks,
 * the config check. One module, loaded with one dynamic import (commands.ts, serve-command.ts), so
 * the bundle keeps this code in the chunks the package entries share: a dynamic import per command
 * splits them into many small files, and every file is one more module load at start-up.
 */
export { readServerVersion } from '../admin/server-identity.ts';
export { checkMockConfig, MockConfigError } from '../config/mock-config.ts';
export { startServer } from '../server.ts';
export { startServerOnSocket } from '../server-start.ts';
export { PROXY_HELP, proxyCommand } from './proxy-command.ts';
export { VALIDATE_HELP, validateCommand } from './validate-command.ts';
export { VERIFY_HELP, verifyCommand } from './verify-command.ts';
