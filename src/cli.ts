#!/usr/bin/env node
/**
 * The `esp-cancel-mock` bin. On Node ≥ 22.1 it first turns on Node's on-disk compile cache, as
 * TypeScript's `tsc` does, then loads the commands: the cache keeps V8's compiled code for our modules,
 * so a later start skips compiling most of them. It must run before those modules load, hence the
 * dynamic import. Node 20 has no such cache (the call is skipped); `NODE_DISABLE_COMPILE_CACHE=1` turns
 * it off, `NODE_COMPILE_CACHE=<dir>` moves it.
 *
 * @see https://nodejs.org/api/module.html#moduleenablecompilecachecachedir
 * @see https://devblogs.microsoft.com/typescript/announcing-typescript-5-7/#support-for-v8-compile-caching-in-node.js
 */
import module from 'node:module';

// @types/node 20 does not declare it: Node 22.1 added it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli/commands.ts');
