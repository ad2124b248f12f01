import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  auditDeployments
} from "./chunk-7V4HBS2I.js";
import "./chunk-LCBRHW6L.js";
import "./chunk-QQVV77HV.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-ARCN7H2L.js";
import "./chunk-V6ZUVTS4.js";
import "./chunk-45NTUV52.js";
import "./chunk-B6YNVQ3N.js";
import "./chunk-77OSV47E.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-RTYMEON2.js";
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
  auditDeployments
};
