import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-ZOZT3K5K.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-BBAJST2L.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
