// CI guard: no fixture plaintext may appear in what the test run printed. Usage: check-no-plaintext.mjs LOG...
// The plaintexts are the Fernet fixtures' (test/fixtures/fernet) and the demo inventory's; only their ids are ever printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test/fixtures');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The same shape as src/core/rotation-identifiers.ts: `AKIA`/`ASIA` and 16 upper-case letters and digits. */
const AWS_ACCESS_KEY_ID_SHAPE = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;

/** The example's credentials whose value a rotation driver declares an identifier (the key id of an AWS pair). */
function declaredIdentifiers() {
  const example = parse(readFileSync(path.join(root, 'credentials.yaml.example'), 'utf8'));
  return new Set(Object.entries(example.credentials ?? {}).filter(([, credential]) => credential?.rotation?.driver === 'aws-iam-access-key').map(([id]) => id));
}

/** [label, plaintext] pairs long enough not to occur by chance in test output. */
function secrets() {
  const found = [];
  const python = readJson(path.join(fixtures, 'fernet/python-cryptography.json'));
  for (const c of python.cases) found.push([`python-cryptography:${c.id}`, c.plaintext]);
  const docuelevate = readJson(path.join(fixtures, 'fernet/docuelevate.json'));
  for (const group of ['cases', 'multifernet_cases', 'passthrough_cases']) {
    for (const c of docuelevate[group] ?? []) {
      found.push([`docuelevate:${c.id}`, String(c.plaintext ?? '')]);
      if (c.session_secret) found.push([`docuelevate:${c.id}:session_secret`, c.session_secret]);
    }
  }
  const demo = readJson(path.join(root, 'test/fixtures/demo-plaintexts.json'));
  const identifiers = declaredIdentifiers();
  for (const [id, value] of Object.entries(demo.values)) {
    // An AWS access key id of a credential rotated by aws-iam-access-key is an identifier the tool shows (old → new in
    // a rotation), as AWS treats it (docs/rotation.md); its secret access key stays on the list.
    if (typeof value === 'string' && identifiers.has(id) && AWS_ACCESS_KEY_ID_SHAPE.test(value)) continue;
    if (typeof value === 'string') found.push([`demo:${id}`, value]);
    else for (const [deployment, text] of Object.entries(value)) found.push([`demo:${id}:${deployment}`, text]);
  }
  return found.filter(([, text]) => text.trim().length >= 16);
}

// The secret half of every identifier's pair is still hunted: the exemption never widens past the key id.
const checked = new Set(secrets().map(([label]) => label));
for (const id of declaredIdentifiers()) {
  const partner = parse(readFileSync(path.join(root, 'credentials.yaml.example'), 'utf8')).credentials[id].rotation.secret;
  if (partner !== undefined && !checked.has(`demo:${partner}`)) {
    console.error(`check-no-plaintext: demo:${partner}, the secret of ${id}'s key pair, is not checked`);
    process.exit(1);
  }
}

const logs = process.argv.slice(2).map((file) => readFileSync(file, 'utf8')).join('\n');
const leaked = secrets().filter(([, text]) => logs.includes(text) || logs.includes(JSON.stringify(text).slice(1, -1)));
if (leaked.length > 0) {
  console.error(`plaintexts found in the test output (ids only): ${leaked.map(([label]) => label).join(', ')}`);
  process.exit(1);
}
console.log(`no fixture plaintext in the test output (${secrets().length} checked)`);
