import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  processIo,
  styleFor
} from "./chunk-L5KGST52.js";
import "./chunk-W45M4CUU.js";
import "./chunk-PLIDAXJJ.js";
export {
  processIo,
  styleFor
};
