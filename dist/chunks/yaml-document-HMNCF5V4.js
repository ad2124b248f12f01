import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-PDUD325F.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-B5ATYMRL.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
