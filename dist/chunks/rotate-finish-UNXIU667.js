import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  finishRotations
} from "./chunk-XIJFJDMF.js";
import "./chunk-RI4MMWPC.js";
import "./chunk-LMPLITML.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-UU6I4Z3O.js";
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
  finishRotations
};
