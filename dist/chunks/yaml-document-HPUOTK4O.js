import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-BRSM64SZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-SGQGXDJG.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
