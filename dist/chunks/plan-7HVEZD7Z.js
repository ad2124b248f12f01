import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  planInventoryChange
} from "./chunk-D6RMZZQG.js";
import "./chunk-ARAJGEEZ.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-VC2QZXYH.js";
import "./chunk-TOZBZRWR.js";
import "./chunk-RTYMEON2.js";
import "./chunk-D2P2K5XU.js";
import "./chunk-B56PAIHX.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-7UPAAUCH.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-YHUUFZU6.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  planInventoryChange
};
