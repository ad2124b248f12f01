import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  connectToDocuElevate
} from "./chunk-VOSMUQC2.js";
import "./chunk-3C46D6FC.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  connectToDocuElevate
};
