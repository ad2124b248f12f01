import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  auditDeployments
} from "./chunk-VNZC6G4A.js";
import "./chunk-2WLQES7R.js";
import "./chunk-LPC6U2ED.js";
import "./chunk-ZMWML6DT.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-FXQEISBT.js";
import "./chunk-QCAA3OTS.js";
import "./chunk-45NTUV52.js";
import "./chunk-YWOOSCG6.js";
import "./chunk-TOZBZRWR.js";
import "./chunk-RTYMEON2.js";
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
  auditDeployments
};
