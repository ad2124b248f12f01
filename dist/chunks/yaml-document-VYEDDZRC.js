import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-LGACMOOP.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-ZPWOGFZI.js";
import "./chunk-JVHVJJ7T.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
