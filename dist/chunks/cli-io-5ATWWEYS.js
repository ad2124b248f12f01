import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  processIo,
  styleFor
} from "./chunk-VMNF736Y.js";
import "./chunk-M77BNZDQ.js";
import "./chunk-ZPKHJYF4.js";
export {
  processIo,
  styleFor
};
