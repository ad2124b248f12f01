import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-PEJ6ZGPM.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-DBPKLHWZ.js";
import "./chunk-BYMAB5YM.js";
import "./chunk-U23GFO32.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-DKTHFQQM.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-URZSO2AJ.js";
import "./chunk-4AI5OLC3.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-EKX6KSNN.js";
import "./chunk-2DIQPP6S.js";
import "./chunk-NZKPRETK.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-YUYCLIND.js";
import "./chunk-Q7IKDR6M.js";
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
