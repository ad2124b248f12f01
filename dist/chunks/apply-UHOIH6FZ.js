import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  MASKED_READ_BACK_LIMIT,
  applyInventory
} from "./chunk-STFIPIQK.js";
import "./chunk-RDARU6O6.js";
import "./chunk-CZZLUCIX.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-LKPYZ5YL.js";
import {
  DEFAULT_APPLY_CONCURRENCY
} from "./chunk-SRZ2AMBU.js";
import "./chunk-45NTUV52.js";
import "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-2DIQPP6S.js";
import "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  DEFAULT_APPLY_CONCURRENCY,
  MASKED_READ_BACK_LIMIT,
  applyInventory
};
