import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  connectToDocuElevate
} from "./chunk-RDZ6RCMF.js";
import "./chunk-RTYMEON2.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  connectToDocuElevate
};
