import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-HFOKOXWY.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
