import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  processIo,
  styleFor
} from "./chunk-RGD6S7VX.js";
import "./chunk-IONKSICY.js";
import "./chunk-ZPKHJYF4.js";
export {
  processIo,
  styleFor
};
