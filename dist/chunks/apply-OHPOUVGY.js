import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  MASKED_READ_BACK_LIMIT,
  applyInventory
} from "./chunk-PJIH5S5Z.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-PRQCDR4C.js";
import "./chunk-RDARU6O6.js";
import "./chunk-RC4XSGDR.js";
import {
  DEFAULT_APPLY_CONCURRENCY
} from "./chunk-ZPJIY3CY.js";
import "./chunk-45NTUV52.js";
import "./chunk-X4LPX3ER.js";
import "./chunk-XJZ662F7.js";
import "./chunk-OAILVR5P.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-3O3IGQPM.js";
import "./chunk-WX4GQONV.js";
import "./chunk-EDO2BGYT.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-6ALA3QMA.js";
import "./chunk-G65AFHTK.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  DEFAULT_APPLY_CONCURRENCY,
  MASKED_READ_BACK_LIMIT,
  applyInventory
};
