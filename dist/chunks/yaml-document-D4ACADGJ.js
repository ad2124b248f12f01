import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-SVSX4TSU.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-OX4WBYV7.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
