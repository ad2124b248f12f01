// The `yaml` package's Document API, installed into yaml-source.ts when imported. Kept apart so that a command
// whose inventory the fast parser vouches for (validate, status of a clean file) never loads the library: esbuild
// puts `yaml` in a chunk of its own, and src/app/yaml-document-loader.ts imports it only when a text needs it.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { installYamlDocumentSupport, type YamlDocumentSupport } from './yaml-source.js';

export const yamlDocumentSupport: YamlDocumentSupport = { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit };

installYamlDocumentSupport(yamlDocumentSupport);
