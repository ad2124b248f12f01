import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-2YV4TJC3.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-LATZTHEN.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
