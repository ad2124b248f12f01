import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-ZOWRYLBK.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-62AS75LU.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
