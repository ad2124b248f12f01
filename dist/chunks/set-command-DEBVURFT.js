import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-3UYJDTAA.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-O6LJ3FXD.js";
import "./chunk-RXXWL3H5.js";
import "./chunk-6J3CQJFZ.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-WOYCSH4G.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-5CAUCA3A.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-3QN2XHNO.js";
import "./chunk-NYFEOMVJ.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-M5X6PQBR.js";
import "./chunk-DLKHZ4TW.js";
import "./chunk-A2Z6E5TN.js";
import "./chunk-QGSPAMD4.js";
import "./chunk-YEI75ZAY.js";
import "./chunk-BBAJST2L.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-ZXU4MPSP.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
};
