import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  processIo,
  styleFor
} from "./chunk-X6YYUGDG.js";
import "./chunk-4V6YMBIC.js";
import "./chunk-PLIDAXJJ.js";
export {
  processIo,
  styleFor
};
