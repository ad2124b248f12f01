import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-I4SXORGD.js";
import "./chunk-3BV7JOVS.js";
import "./chunk-HCROZ5WX.js";
import "./chunk-IY7KUKX7.js";
import "./chunk-46BDS7B7.js";
import "./chunk-LMPLITML.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-FEAQHF6L.js";
import "./chunk-SUD6FO27.js";
import "./chunk-VC2QZXYH.js";
import "./chunk-TOZBZRWR.js";
import "./chunk-RGD6S7VX.js";
import "./chunk-IONKSICY.js";
import "./chunk-RTYMEON2.js";
import "./chunk-ZYS4F62L.js";
import "./chunk-QBD5SAYY.js";
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
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
};
