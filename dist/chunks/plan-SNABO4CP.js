import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  planInventoryChange
} from "./chunk-3G7CEU2Q.js";
import "./chunk-ZMKJ3TGM.js";
import "./chunk-TLEG36RP.js";
import "./chunk-4HC6NC7U.js";
import "./chunk-FNJI7WP4.js";
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
  planInventoryChange
};
