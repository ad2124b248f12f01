import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  yamlDocumentSupport
} from "./chunk-GJ3MJZQ5.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-7UPAAUCH.js";
import "./chunk-ZPKHJYF4.js";
export {
  yamlDocumentSupport
};
