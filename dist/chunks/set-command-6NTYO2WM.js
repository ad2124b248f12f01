import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-TTSQEAVW.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-QGM4HXZZ.js";
import "./chunk-7L3NKHG7.js";
import "./chunk-5ZTYP5GM.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-EZ6CMLYD.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-OUHBEQVB.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-3QN2XHNO.js";
import "./chunk-NYFEOMVJ.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-EKX6KSNN.js";
import "./chunk-ZCMEMDBB.js";
import "./chunk-CKNCODFD.js";
import "./chunk-AAKN5B6P.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-TIFGA4ER.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-75ASNW75.js";
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
