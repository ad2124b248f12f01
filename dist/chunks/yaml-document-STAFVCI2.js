import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-ZUYY6SE4.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-WM74QXNO.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
