import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-Z34FF67M.js";
import "./chunk-3BV7JOVS.js";
import "./chunk-5AECGPRD.js";
import "./chunk-IY7KUKX7.js";
import "./chunk-WLUQY4FK.js";
import "./chunk-LMPLITML.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-PL2YUCFP.js";
import "./chunk-UJSKFCOL.js";
import "./chunk-JB7RBRK3.js";
import "./chunk-77OSV47E.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-RGD6S7VX.js";
import "./chunk-IONKSICY.js";
import "./chunk-RTYMEON2.js";
import "./chunk-ZYS4F62L.js";
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
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
};
