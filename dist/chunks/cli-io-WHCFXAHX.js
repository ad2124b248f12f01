import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  processIo,
  styleFor
} from "./chunk-URZSO2AJ.js";
import "./chunk-4AI5OLC3.js";
import "./chunk-Q7IKDR6M.js";
import "./chunk-ZPKHJYF4.js";
export {
  processIo,
  styleFor
};
