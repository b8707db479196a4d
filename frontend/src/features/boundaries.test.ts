import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = resolve(__dirname);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Features talk through routes and the shared layer only: the app shell is what composes them. */
describe('feature boundaries', () => {
  it('no feature imports another feature', () => {
    const crossings: string[] = [];
    for (const file of files(FEATURES)) {
      const feature = relative(FEATURES, file).split(sep)[0];
      for (const match of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!match[1].startsWith('.')) continue;
        const target = relative(FEATURES, resolve(file, '..', match[1]));
        if (target.startsWith('..')) continue; // shared/, app/
        const targetFeature = target.split(sep)[0];
        if (targetFeature !== feature) crossings.push(`${relative(FEATURES, file)} → ${match[1]}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
