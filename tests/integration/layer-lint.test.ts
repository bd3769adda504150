import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('lint enforces the layers of DESIGN §1', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", /no Node built-ins/],
    ["import { app } from 'electron';", /no electron/],
    ["import Database from 'better-sqlite3';", /no better-sqlite3/],
    ["import { useState } from 'react';", /no react/],
    ["import { openStore } from '../../src-main/db/open-store';", /src-main/],
    ['export const w = window.innerWidth;', /no window/],
  ])('src-shared rejects %s', async (code, message) => {
    const errors = await layerErrors('src-shared/scoring/example.ts', code);
    expect(errors.join('\n')).toMatch(message);
  });

  it('src-shared may import zod and other src-shared modules', async () => {
    expect(await layerErrors('src-shared/scoring/example.ts', "import { z } from 'zod';\nimport { tierFor } from './tiers';\nexport const x = [z, tierFor];")).toEqual([]);
  });

  it.each([
    ['src-renderer/components/Example.tsx', "import { openStore } from '../../src-main/db/open-store';"],
    ['src-renderer/components/Example.tsx', "import Database from 'better-sqlite3';"],
    ['src-main/services/example.ts', "import { App } from '../../src-renderer/App';"],
    ['src-main/services/example.ts', "import { app } from 'electron';"],
    ['src-server/example.ts', "import { openStore } from '../src-main/db/open-store';"],
  ])('%s may not contain %s', async (filePath, code) => {
    expect((await layerErrors(filePath, code)).length).toBeGreaterThan(0);
  });

  it('only src-main/electron may import electron', async () => {
    expect(await layerErrors('src-main/electron/example.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
  });
});
