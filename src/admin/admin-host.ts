import { startupError } from '../errors/startup-error.ts';

/** Hosts that only this machine can reach: the admin API needs no token there. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** Off loopback the admin API must have a token: a server there refuses to start without one. */
export function requireAdminTokenOffLoopback(host: string, adminToken: string | undefined): void {
  if (!isLoopbackHost(host) && !adminToken)
    throw startupError(`host ${host} is reachable from other machines, so the admin API needs a token.`, 'Pass --admin-token <secret>.');
}
