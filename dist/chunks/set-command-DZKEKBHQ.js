import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-DPSSJRKY.js";
import "./chunk-3BV7JOVS.js";
import "./chunk-7HALPCKI.js";
import "./chunk-IUA6VUWP.js";
import "./chunk-W4IPSHZ3.js";
import "./chunk-ODCLTEQZ.js";
import "./chunk-4YAZ53BP.js";
import "./chunk-X4LPX3ER.js";
import "./chunk-E2HVP66G.js";
import "./chunk-XJZ662F7.js";
import "./chunk-OAILVR5P.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-VMNF736Y.js";
import "./chunk-M77BNZDQ.js";
import "./chunk-DAPK3DJ5.js";
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
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
};
