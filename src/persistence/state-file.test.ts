import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/create-engine.ts';
import { onStateWrites } from '../store/state-write-channel.ts';
import { selectModules } from '../vendors.ts';
import { createStateSaver, loadStateFile, StateFileError } from './state-file.ts';

const omedaEngine = () => createEngine({ modules: selectModules(['omeda']) });

describe('state file', () => {
  it('reads a state file that starts with a UTF-8 byte order mark', async () => {
    const engine = omedaEngine();
    await engine.ready;
    const file = join(mkdtempSync(join(tmpdir(), 'state-')), 'state.json');
    writeFileSync(file, `\uFEFF${JSON.stringify({ omeda: { deployments: [] } })}`);
    expect(await loadStateFile(engine, file)).toBe(true);
    expect((await engine.getState()).omeda?.deployments).toEqual([]);
  });

  it('announces loading a state file as a state write, one that it refuses too, and not a missing file', async () => {
    const engine = omedaEngine();
    await engine.ready;
    const directory = mkdtempSync(join(tmpdir(), 'state-'));
    const events: string[] = [];
    const unsubscribe = onStateWrites({ start: () => events.push('start'), end: () => events.push('end') });
    try {
      writeFileSync(join(directory, 'good.json'), JSON.stringify({ omeda: { deployments: [] } }));
      writeFileSync(join(directory, 'bad.json'), '{"omeda":');
      expect(await loadStateFile(engine, join(directory, 'good.json'))).toBe(true);
      await expect(loadStateFile(engine, join(directory, 'bad.json'))).rejects.toThrow(StateFileError);
      expect(await loadStateFile(engine, join(directory, 'missing.json'))).toBe(false);
    } finally {
      unsubscribe();
    }
    expect(events).toEqual(['start', 'end', 'start', 'end']);
  });

  it('refuses a state file in a directory that does not exist, naming the directory', async () => {
    const engine = omedaEngine();
    await engine.ready;
    const file = join(tmpdir(), `missing-${process.pid}-${Date.now()}`, 'state.json');
    await expect(loadStateFile(engine, file)).rejects.toThrow(StateFileError);
    await expect(loadStateFile(engine, file)).rejects.toThrow(/directory of state file .* does not exist/);
  });

  it('removes temporary files a killed save left behind, and only those', async () => {
    const engine = omedaEngine();
    await engine.ready;
    const directory = mkdtempSync(join(tmpdir(), 'state-'));
    const file = join(directory, 'state.json');
    for (const name of ['state.json.123.tmp', 'state.json.45678.tmp', 'other.json.1.tmp', 'state.json.x.tmp'])
      writeFileSync(join(directory, name), '{');
    await loadStateFile(engine, file);
    expect(readdirSync(directory).sort()).toEqual(['other.json.1.tmp', 'state.json.x.tmp']);
  });

  it('saves through a symlinked state file into the file it points at, keeping the link', async () => {
    const engine = omedaEngine();
    await engine.ready;
    const directory = mkdtempSync(join(tmpdir(), 'state-'));
    const real = join(directory, 'real.json');
    const link = join(directory, 'link.json');
    writeFileSync(real, JSON.stringify({ omeda: { deployments: [] } }));
    symlinkSync(real, link);
    await loadStateFile(engine, link);
    await engine.reset();
    const saver = createStateSaver(engine, link, 0);
    saver.schedule();
    await saver.flush();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).omeda.deployments).toHaveLength(7);
    expect(existsSync(`${real}.${process.pid}.tmp`)).toBe(false);
  });

  it('is told of a change only when a request changed a record, not for reads or refusals', async () => {
    let changes = 0;
    const engine = createEngine({ modules: selectModules(['omeda']), onStoreChange: () => (changes += 1) });
    await engine.ready;
    const cancel = (TrackId: string) =>
      engine.handle(
        new Request('https://ows.omeda.com/webservices/rest/brand/FOO/omail/deployment/cancel/*', {
          method: 'POST',
          headers: { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' },
          body: JSON.stringify({ UserId: 'omailAccount1', TrackId }),
        }),
      );
    expect((await cancel('NO-SUCH')).status).toBe(404);
    expect((await cancel('FOO0102003003')).status).toBe(400);
    expect(changes).toBe(0);
    expect((await cancel('FOO0102003002')).status).toBe(200);
    expect(changes).toBe(1);
  });
});
