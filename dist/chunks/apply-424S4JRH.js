import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  MASKED_READ_BACK_LIMIT,
  applyInventory
} from "./chunk-4FA4GIDU.js";
import "./chunk-G7QKROPH.js";
import "./chunk-RDARU6O6.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-WZD7RIO4.js";
import {
  DEFAULT_APPLY_CONCURRENCY
} from "./chunk-ZIIJ272J.js";
import "./chunk-45NTUV52.js";
import "./chunk-JB7RBRK3.js";
import "./chunk-77OSV47E.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-RTYMEON2.js";
import "./chunk-USG6FP3P.js";
import "./chunk-7C5UC5BD.js";
import "./chunk-XOJXETXX.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-JQBTSEOZ.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-PLWH3ARW.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  DEFAULT_APPLY_CONCURRENCY,
  MASKED_READ_BACK_LIMIT,
  applyInventory
};
