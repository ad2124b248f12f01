import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  applyCollaborators,
  auditCollaborators
} from "./chunk-FEXWFCLS.js";
import "./chunk-PLAAVO4B.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-5U55QB5J.js";
import "./chunk-FSA3BZCJ.js";
import "./chunk-FNJI7WP4.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  applyCollaborators,
  auditCollaborators
};
