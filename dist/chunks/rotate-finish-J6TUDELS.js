import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  finishRotations
} from "./chunk-2ZJV4LWF.js";
import "./chunk-F64VO6OK.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-45NTUV52.js";
import "./chunk-GX2DCBCC.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-V4WBZ2XX.js";
import "./chunk-HD7IM5SW.js";
import "./chunk-MHLAJ7HC.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-WM74QXNO.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-ZXU4MPSP.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  finishRotations
};
