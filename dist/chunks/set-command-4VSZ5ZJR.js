import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-J4DPIHMY.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-KBBKY2AC.js";
import "./chunk-7L3NKHG7.js";
import "./chunk-U23GFO32.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-3MLSWQDV.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-3QN2XHNO.js";
import "./chunk-NYFEOMVJ.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-EKX6KSNN.js";
import "./chunk-JAXJRTJQ.js";
import "./chunk-ZGHFRJEJ.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-TIFGA4ER.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-X75H72PA.js";
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
