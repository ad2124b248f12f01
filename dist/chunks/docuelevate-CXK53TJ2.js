import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  connectToDocuElevate
} from "./chunk-FSA3BZCJ.js";
import "./chunk-FNJI7WP4.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  connectToDocuElevate
};
