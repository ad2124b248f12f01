import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-BDYABG5Q.js";
import "./chunk-IWLCN2BV.js";
import "./chunk-Q7PP7PUE.js";
import "./chunk-UVLKKHVJ.js";
import "./chunk-U23GFO32.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-BGQHS3P6.js";
import "./chunk-ZS6E5BZH.js";
import "./chunk-YI3OOGKA.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-3H5HZQW4.js";
import "./chunk-YA2RGZKH.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-EKX6KSNN.js";
import "./chunk-KYVWEE3T.js";
import "./chunk-MCALAHKT.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-ZPWOGFZI.js";
import "./chunk-JVHVJJ7T.js";
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
