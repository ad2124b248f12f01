// Holds the house style's dependency direction: the core and crypto are pure, and nothing below the
// entry points depends on them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';

function sourcesOf(layer: string): [string, string][] {
  const directory = path.join(REPO_ROOT, 'src', layer);
  return readdirSync(directory)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [`src/${layer}/${name}`, readFileSync(path.join(directory, name), 'utf8')]);
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm), ...text.matchAll(/import\('([^']+)'\)/g)].map((match) => match[1] ?? '');
}

describe('layers', () => {
  it('keeps src/core pure: no I/O, no network, no environment, no clock, no outer layer', () => {
    const offences = sourcesOf('core').flatMap(([file, text]) => [
      ...importsOf(text)
        .filter((target) => /^node:(fs|http|https|net|child_process|os|process)/.test(target) || /^(undici|simple-git|@actions\/|@octokit\/)/.test(target) || /^\.\.\/(app|adapters|cli|action|devserver)\//.test(target))
        .map((target) => `${file} imports ${target}`),
      ...(/\bprocess\.(env|cwd|argv|stdout|stderr)|Date\.now\(\)|new Date\(\)/.test(text) ? [`${file} reads the environment or the clock`] : []),
    ]);
    expect(offences).toEqual([]);
  });

  it('keeps src/crypto free of I/O and of the outer layers', () => {
    const offences = sourcesOf('crypto').flatMap(([file, text]) =>
      importsOf(text)
        .filter((target) => /^node:(fs|http|https|net|child_process)/.test(target) || /^\.\.\/(app|adapters|cli|action|devserver)\//.test(target))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offences).toEqual([]);
  });

  it('keeps the use cases away from the entry points, and adapters away from the use cases and entries', () => {
    const app = sourcesOf('app').flatMap(([file, text]) => importsOf(text).filter((t) => /^\.\.\/(cli|action)\//.test(t)).map((t) => `${file} imports ${t}`));
    const adapters = sourcesOf('adapters').flatMap(([file, text]) => importsOf(text).filter((t) => /^\.\.\/(cli|action)\//.test(t)).map((t) => `${file} imports ${t}`));
    expect([...app, ...adapters]).toEqual([]);
  });

  it('leaves @actions/* to the action and the GitHub adapters', () => {
    const layers = ['core', 'crypto', 'app', 'cli', 'devserver'];
    const offences = layers.flatMap((layer) =>
      sourcesOf(layer).flatMap(([file, text]) => importsOf(text).filter((target) => target.startsWith('@actions/core')).map((target) => `${file} imports ${target}`)),
    );
    expect(offences).toEqual([]);
  });
});
