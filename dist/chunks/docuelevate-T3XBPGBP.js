import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  connectToDocuElevate
} from "./chunk-6IOQ4IXF.js";
import "./chunk-OAILVR5P.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  connectToDocuElevate
};
