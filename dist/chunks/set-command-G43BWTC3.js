import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-3R24XV5C.js";
import "./chunk-3BV7JOVS.js";
import "./chunk-32YSH2WM.js";
import "./chunk-IUA6VUWP.js";
import "./chunk-VFBU72O2.js";
import "./chunk-LMPLITML.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-AH2HLGSB.js";
import "./chunk-SUD6FO27.js";
import "./chunk-YWOOSCG6.js";
import "./chunk-TOZBZRWR.js";
import "./chunk-VMNF736Y.js";
import "./chunk-M77BNZDQ.js";
import "./chunk-RTYMEON2.js";
import "./chunk-3RNEGYGQ.js";
import "./chunk-2GZYLTQG.js";
import "./chunk-VGA3ZQUG.js";
import "./chunk-H4SHDKMY.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-CKIDVKB3.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-56J7VSQS.js";
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
