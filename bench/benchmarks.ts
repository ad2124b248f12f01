// The benchmark suite: each case measures one path users wait on. Run through bench/run.mjs (npm run bench).
import '../src/core/yaml-document.js';
import { checkInventoryText } from '../src/core/inventory-validation.js';
import { buildStatusReport } from '../src/core/status-report.js';
import { decryptFernet, encryptFernet, generateFernetKey, parseFernetKey } from '../src/crypto/fernet.js';
import { parseKeyRing } from '../src/crypto/key-ring.js';
import { openSealedValue, sealValue } from '../src/crypto/sealed-value.js';
import { generateInventoryText, generateScaleInventoryText } from './generate-inventory.js';

export interface BenchCase {
  readonly name: string;
  /** What the number means for a user, and the target it should stay under (or above). */
  readonly target: string;
  readonly iterations: number;
  readonly run: () => unknown;
  /** Units processed per iteration, for a throughput figure. */
  readonly unitsPerIteration?: number;
  readonly unit?: string;
}

const TODAY = '2026-11-26';

export { generateInventoryText, generateScaleInventoryText };

export function buildCases(): BenchCase[] {
  const key = parseFernetKey(generateFernetKey());
  const ring = parseKeyRing(generateFernetKey());
  const plaintext = 'sk-proj-' + 'x'.repeat(156);
  const token = encryptFernet(key, plaintext);
  const sealedValues = new Map<string, string>();
  const sealedFor = (id: string) => {
    const sealed = sealValue(ring, { credentialId: id }, `value-of-${id}-${'y'.repeat(40)}`, 1_790_000_000);
    sealedValues.set(id, sealed);
    return sealed;
  };
  const small = generateInventoryText(50, { value: sealedFor });
  const large = generateInventoryText(2_000, { value: sealedFor, deploymentCount: 40 });
  const largeInventory = checkInventoryText(large, 'large.yaml', TODAY).inventory!;
  const largeSealed = [...sealedValues.entries()].slice(0, 2_000);
  return [
    { name: 'validate 50 credentials', target: '< 20 ms per run (the typical inventory)', iterations: 50, run: () => checkInventoryText(small, 'small.yaml', TODAY) },
    { name: 'validate 2,000 credentials', target: '< 500 ms per run', iterations: 5, run: () => checkInventoryText(large, 'large.yaml', TODAY), unitsPerIteration: 2_000, unit: 'credentials' },
    { name: 'status of 2,000 credentials', target: '< 100 ms per run', iterations: 20, run: () => buildStatusReport(largeInventory, TODAY), unitsPerIteration: 2_000, unit: 'credentials' },
    { name: 'Fernet encrypt (164-byte value)', target: '> 20,000 values/s', iterations: 20_000, run: () => encryptFernet(key, plaintext), unitsPerIteration: 1, unit: 'values' },
    { name: 'Fernet decrypt (164-byte value)', target: '> 20,000 values/s', iterations: 20_000, run: () => decryptFernet(key, token), unitsPerIteration: 1, unit: 'values' },
    {
      name: 'open 2,000 place-bound values',
      target: '< 500 ms (apply of a large inventory)',
      iterations: 3,
      run: () => largeSealed.forEach(([id, sealed]) => openSealedValue(ring, { credentialId: id }, sealed)),
      unitsPerIteration: 2_000,
      unit: 'values',
    },
  ];
}
