import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-SGRQQ6EP.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-CKIDVKB3.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
