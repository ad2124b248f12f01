import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-4FLMUSPY.js";
import {
  installYamlDocumentSupport
} from "./chunk-YUYCLIND.js";
import {
  __toESM
} from "./chunk-ZPKHJYF4.js";

// src/core/yaml-document.ts
var import_yaml = __toESM(require_dist(), 1);
var yamlDocumentSupport = { isAlias: import_yaml.isAlias, isMap: import_yaml.isMap, isNode: import_yaml.isNode, isPair: import_yaml.isPair, isScalar: import_yaml.isScalar, isSeq: import_yaml.isSeq, parseDocument: import_yaml.parseDocument, visit: import_yaml.visit };
installYamlDocumentSupport(yamlDocumentSupport);

export {
  yamlDocumentSupport
};
