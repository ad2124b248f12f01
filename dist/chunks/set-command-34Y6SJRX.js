import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-KUPB2XQ3.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-M7N6JQIN.js";
import "./chunk-RXXWL3H5.js";
import "./chunk-6J3CQJFZ.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-RN33CZ26.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-VOAEM4TM.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-3QN2XHNO.js";
import "./chunk-NYFEOMVJ.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-EKX6KSNN.js";
import "./chunk-UFOXO66X.js";
import "./chunk-M7FZZVD5.js";
import "./chunk-KQR6WLCO.js";
import "./chunk-55Y3H7G4.js";
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
