import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  applyCollaborators,
  auditCollaborators
} from "./chunk-YLJYFKKA.js";
import "./chunk-XB5Q3JJF.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-45NTUV52.js";
import "./chunk-6IOQ4IXF.js";
import "./chunk-OAILVR5P.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  applyCollaborators,
  auditCollaborators
};
