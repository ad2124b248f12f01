import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-I7GVDWYR.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-I2CZWPQC.js";
import "./chunk-7L3NKHG7.js";
import "./chunk-N7RKP5ZH.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-5H4YPBAF.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-NR7HA6JH.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-3QN2XHNO.js";
import "./chunk-NYFEOMVJ.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-EKX6KSNN.js";
import "./chunk-UOG77FWA.js";
import "./chunk-AGFLYKPZ.js";
import "./chunk-UDGW75P5.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-TIFGA4ER.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-RR2O5TQE.js";
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
