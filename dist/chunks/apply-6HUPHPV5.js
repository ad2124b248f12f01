import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  applyCollaborators,
  auditCollaborators,
  swapRotations
} from "./chunk-TPZHUIFA.js";
import "./chunk-3A33JCZ4.js";
import "./chunk-JZLL5276.js";
import "./chunk-P4FUDGKZ.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-45NTUV52.js";
import "./chunk-CNNKQI7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  applyCollaborators,
  auditCollaborators,
  swapRotations
};
