import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-M766JP5Q.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-R7QDC6L7.js";
import "./chunk-OZPSQPQY.js";
import "./chunk-6J3CQJFZ.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-KVLCHF6M.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-HSON2NEZ.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-3QN2XHNO.js";
import "./chunk-NYFEOMVJ.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-M5X6PQBR.js";
import "./chunk-7EEEJC7G.js";
import "./chunk-7USOCBYQ.js";
import "./chunk-QGSPAMD4.js";
import "./chunk-YEI75ZAY.js";
import "./chunk-B5ATYMRL.js";
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
