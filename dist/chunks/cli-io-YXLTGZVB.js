import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  processIo,
  styleFor
} from "./chunk-3QN2XHNO.js";
import "./chunk-NYFEOMVJ.js";
import "./chunk-ZPKHJYF4.js";
export {
  processIo,
  styleFor
};
