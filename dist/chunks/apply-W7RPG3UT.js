import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  applyCollaborators,
  auditCollaborators
} from "./chunk-PJXG5BT5.js";
import "./chunk-2EXGAOTN.js";
import "./chunk-OMVOUR2L.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-45NTUV52.js";
import "./chunk-VOSMUQC2.js";
import "./chunk-3C46D6FC.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  applyCollaborators,
  auditCollaborators
};
