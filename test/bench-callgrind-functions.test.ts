import { describe, expect, it } from 'vitest';
import { dumpCosts, functionCosts, readPerfMap } from '../bench/callgrind-functions.ts';

// Three JIT functions (0x1000–0x10ff, 0x2000–0x203f, 0x3000–0x303f), the rest native code callgrind names itself.
const PERF_MAP = [
  '2000 40 JS:*buildLine file:///dist/cli.mjs:1:10',
  '1000 100 Builtin:StringAdd_CheckNone',
  '3000 40 JS:*handle file:///dist/a.mjs:1:1',
  '',
].join('\n');

// A dump as callgrind writes it with --dump-instr=yes: compressed names, absolute, relative and
// repeated positions, calls whose line carries the callee's inclusive cost (targets absolute,
// relative and repeated; a callee in another object file), and a recursion callgrind names `'2`.
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
cob=(2) /usr/lib/x86_64-linux-gnu/libc.so.6
cfn=(5) __memcpy_avx_unaligned_erms
calls=3 0x9000 0
* * 45
cfn=(6) v8::String::WriteUtf8
calls=1 0x7000 0
* * 25
fn=(3)
0x1080 0 9
cfn=(4) 0x0000000000002000
calls=2 0x2008 0
* * 13
fn=(4)
0x2010 0 11
-8 0 2
cfn=(7) 0x0000000000003000
calls=1 +4088 0
* * 70
cfn=(4)
calls=1 * 0
-4096 * 5
fn=(2)
0x5000 0 20
0x5004 0 30
fn=(8) v8::internal::JsonStringifier::Serialize_
0x8000 0 10
cfn=(9) v8::internal::JsonStringifier::Serialize_'2
calls=1 0x8100 0
* * 30
fn=(9)
0x8100 0 30
ob=(2)
fn=(5)
0x9000 0 40
`;

describe('functionCosts', () => {
  it("gives JIT code its name from node's perf map and native code callgrind's, each its own instructions only, a recursion's levels as one", () => {
    const costs = functionCosts(DUMP, readPerfMap(PERF_MAP));
    expect(Object.fromEntries(costs)).toEqual({
      'JS Builtin:StringAdd_CheckNone': 19,
      'JS JS:*buildLine file:///dist/cli.mjs:1:10': 13,
      'llhttp__internal_execute [node]': 50,
      'v8::internal::JsonStringifier::Serialize_ [node]': 40,
      '__memcpy_avx_unaligned_erms [libc.so.6]': 40,
    });
  });

  it('credits each call to the functions at its site and its target, leaving out calls inside one function', () => {
    const { calls } = dumpCosts(DUMP, readPerfMap(PERF_MAP));
    expect(Object.fromEntries([...calls].map(([callee, callers]) => [callee, Object.fromEntries(callers)]))).toEqual({
      'llhttp__internal_execute [node]': { 'JS Builtin:StringAdd_CheckNone': { calls: 1, instructions: 500 } },
      // `cob=` names the callee's object for that call only; the next call's callee is the caller's object's.
      '__memcpy_avx_unaligned_erms [libc.so.6]': { 'JS Builtin:StringAdd_CheckNone': { calls: 3, instructions: 45 } },
      'v8::String::WriteUtf8 [node]': { 'JS Builtin:StringAdd_CheckNone': { calls: 1, instructions: 25 } },
      // Once from 0x1080 to 0x2008, once to `*` (the last position, 0x2008) from -4096 (0x1008).
      'JS JS:*buildLine file:///dist/cli.mjs:1:10': { 'JS Builtin:StringAdd_CheckNone': { calls: 3, instructions: 18 } },
      // +4088 from the last position read (0x2008): 0x3000.
      'JS JS:*handle file:///dist/a.mjs:1:1': { 'JS JS:*buildLine file:///dist/cli.mjs:1:10': { calls: 1, instructions: 70 } },
    });
  });

  it('refuses a dump without instruction addresses', () => {
    expect(() => functionCosts('positions: line\nfn=(1) main\n3 10\n', [])).toThrow(/--dump-instr=yes/);
  });
});
