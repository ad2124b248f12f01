import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  MASKED_READ_BACK_LIMIT,
  applyInventory
} from "./chunk-QVPWXYBX.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-7VQ4RA5P.js";
import "./chunk-RDARU6O6.js";
import "./chunk-ZJNDRANQ.js";
import {
  DEFAULT_APPLY_CONCURRENCY
} from "./chunk-QCAA3OTS.js";
import "./chunk-45NTUV52.js";
import "./chunk-56YDMF47.js";
import "./chunk-XJZ662F7.js";
import "./chunk-3C46D6FC.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-MIT6DLVX.js";
import "./chunk-DA7ONON6.js";
import "./chunk-H4SHDKMY.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-56J7VSQS.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  DEFAULT_APPLY_CONCURRENCY,
  MASKED_READ_BACK_LIMIT,
  applyInventory
};
