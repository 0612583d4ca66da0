import { describe, expect, it } from 'vitest';
import { dumpCosts, functionCosts, readPerfMap } from '../bench/callgrind-functions.ts';

// Two JIT functions (0x1000–0x10ff, 0x2000–0x203f), the rest native code callgrind names itself.
const PERF_MAP = ['2000 40 JS:*buildLine file:///dist/cli.mjs:1:10', '1000 100 Builtin:StringAdd_CheckNone', ''].join('\n');

// A dump as callgrind writes it with --dump-instr=yes: compressed names, absolute, relative and
// repeated positions, and a call whose line carries the callee's inclusive cost.
const DUMP = `version: 1
creator: callgrind-3.19.0
positions: instr line
events: Ir
summary: 1000

ob=(1) /usr/bin/node
fl=(1) ???
fn=(1) 0x0000000000001000
0x1000 0 7
+8 * 3
cfn=(2) llhttp__internal_execute
calls=1 0x5000 0
* * 500
cfn=(3) 0x0000000000001080
calls=4 +120 0
+2 * 60
fn=(3)
0x1080 0 9
cfn=(4) 0x0000000000002000
calls=2 0x2008 0
* * 13
fn=(4)
0x2010 0 11
-8 0 2
fn=(2)
0x5000 0 20
0x5004 0 30
ob=(2) /usr/lib/x86_64-linux-gnu/libc.so.6
fn=(5) __memcpy_avx_unaligned_erms
0x9000 0 40
`;

describe('functionCosts', () => {
  it("gives JIT code its name from node's perf map and native code callgrind's, each its own instructions only", () => {
    const costs = functionCosts(DUMP, readPerfMap(PERF_MAP));
    expect(Object.fromEntries(costs)).toEqual({
      'JS Builtin:StringAdd_CheckNone': 19,
      'JS JS:*buildLine file:///dist/cli.mjs:1:10': 13,
      'llhttp__internal_execute [node]': 50,
      '__memcpy_avx_unaligned_erms [libc.so.6]': 40,
    });
  });

  it('credits each call to the functions at its site and its target, leaving out calls inside one JIT function', () => {
    const { calls } = dumpCosts(DUMP, readPerfMap(PERF_MAP));
    expect(Object.fromEntries([...calls].map(([callee, callers]) => [callee, Object.fromEntries(callers)]))).toEqual({
      'llhttp__internal_execute [node]': { 'JS Builtin:StringAdd_CheckNone': { calls: 1, instructions: 500 } },
      'JS JS:*buildLine file:///dist/cli.mjs:1:10': { 'JS Builtin:StringAdd_CheckNone': { calls: 2, instructions: 13 } },
    });
  });

  it('refuses a dump without instruction addresses', () => {
    expect(() => functionCosts('positions: line\nfn=(1) main\n3 10\n', [])).toThrow(/--dump-instr=yes/);
  });
});
