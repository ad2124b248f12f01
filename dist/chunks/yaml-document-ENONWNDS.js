import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-BMBVRBWZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-ED656YNM.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
