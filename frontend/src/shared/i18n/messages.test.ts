import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en';
import ru from './ru';

const SRC = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** i18next shows a missing key as the key itself: every fixed key the screens ask for must exist. */
describe('messages', () => {
  it('every fixed message key used in the code exists in Russian and English', () => {
    const known = new Set(keys(ru));
    const used = new Set<string>();
    for (const file of files(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z_]+\.[a-zA-Z_.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
    expect(keys(en)).toEqual(keys(ru));
  });
});
