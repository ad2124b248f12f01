// Loads the `yaml` Document API only when a text needs it. The core is synchronous and takes the library through a
// port (YamlDocumentSupport in src/core/yaml-source.ts); a clean inventory goes through the fast parser and never
// needs it, so `validate` and `status` of a clean file do not load it (it is a chunk of its own in dist/).
import { YamlDocumentNeeded } from '../core/yaml-source.js';

/** Loads and installs the Document API (once; later calls cost nothing). */
export async function loadYamlDocumentSupport(): Promise<void> {
  await import('../core/yaml-document.js');
}

/**
 * Runs the pure `work`; when it turns out to need the Document API, loads it and runs `work` again. `work` must
 * have no effect but its result (a check, a rendering): it may run twice.
 */
export async function withYamlDocument<T>(work: () => T): Promise<T> {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof YamlDocumentNeeded)) throw error;
    await loadYamlDocumentSupport();
    return work();
  }
}
