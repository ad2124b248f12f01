import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  applyCollaborators,
  auditCollaborators,
  swapRotations
} from "./chunk-DKARU3QR.js";
import "./chunk-2EXGAOTN.js";
import "./chunk-OMVOUR2L.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-45NTUV52.js";
import "./chunk-RDZ6RCMF.js";
import "./chunk-RTYMEON2.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  applyCollaborators,
  auditCollaborators,
  swapRotations
};
