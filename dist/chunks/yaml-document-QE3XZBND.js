import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-OAPQNPEW.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-WWP5I3BF.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
