import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  MASKED_READ_BACK_LIMIT,
  applyInventory
} from "./chunk-K573JGH4.js";
import "./chunk-RDARU6O6.js";
import "./chunk-X762D5NB.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-VXLAFNWW.js";
import {
  DEFAULT_APPLY_CONCURRENCY
} from "./chunk-V6ZUVTS4.js";
import "./chunk-45NTUV52.js";
import "./chunk-5CAUCA3A.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-DLKHZ4TW.js";
import "./chunk-A2Z6E5TN.js";
import "./chunk-QGSPAMD4.js";
import "./chunk-YEI75ZAY.js";
import "./chunk-BBAJST2L.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-ZXU4MPSP.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  DEFAULT_APPLY_CONCURRENCY,
  MASKED_READ_BACK_LIMIT,
  applyInventory
};
