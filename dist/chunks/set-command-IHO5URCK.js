import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-KNOWT4T6.js";
import "./chunk-3BV7JOVS.js";
import "./chunk-2LTG4Z26.js";
import "./chunk-IY7KUKX7.js";
import "./chunk-6J3CQJFZ.js";
import "./chunk-LMPLITML.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-KZEBSK6P.js";
import "./chunk-UJSKFCOL.js";
import "./chunk-B6YNVQ3N.js";
import "./chunk-77OSV47E.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-RGD6S7VX.js";
import "./chunk-IONKSICY.js";
import "./chunk-RTYMEON2.js";
import "./chunk-ZYS4F62L.js";
import "./chunk-PU2CCZ7E.js";
import "./chunk-FO7BOCKR.js";
import "./chunk-MHLAJ7HC.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-JQBTSEOZ.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-ZXU4MPSP.js";
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
