import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  planInventoryChange
} from "./chunk-EBCGVSAO.js";
import "./chunk-FHX22LNM.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-HSON2NEZ.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-7USOCBYQ.js";
import "./chunk-QGSPAMD4.js";
import "./chunk-YEI75ZAY.js";
import "./chunk-B5ATYMRL.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-ZXU4MPSP.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  planInventoryChange
};
