import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-QNROXMDY.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-TIFGA4ER.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
