import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-MOQII2HB.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-JQBTSEOZ.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
