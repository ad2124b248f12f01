import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  auditDeployments
} from "./chunk-EDIIHFYT.js";
import "./chunk-H6PC2MLC.js";
import "./chunk-EEG4Z5TL.js";
import "./chunk-66QOTUYG.js";
import "./chunk-YTH2XQNK.js";
import "./chunk-5U55QB5J.js";
import "./chunk-TLEG36RP.js";
import "./chunk-4HC6NC7U.js";
import "./chunk-FNJI7WP4.js";
import "./chunk-Q66AH3RP.js";
import "./chunk-7HJEODN6.js";
import "./chunk-7RUAHHY5.js";
import "./chunk-GWEME5MI.js";
import "./chunk-X37CJ6U5.js";
import "./chunk-RACG66PY.js";
import "./chunk-G65AFHTK.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  auditDeployments
};
