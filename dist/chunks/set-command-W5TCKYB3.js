import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-FS2E46U7.js";
import "./chunk-3BV7JOVS.js";
import "./chunk-YABDO5EQ.js";
import "./chunk-XWORSEOP.js";
import "./chunk-WVXYANZ6.js";
import "./chunk-Q6MBUAHD.js";
import "./chunk-EAN7MT2I.js";
import "./chunk-TLEG36RP.js";
import "./chunk-LON4YXYA.js";
import "./chunk-4HC6NC7U.js";
import "./chunk-FNJI7WP4.js";
import "./chunk-X6YYUGDG.js";
import "./chunk-4V6YMBIC.js";
import "./chunk-F5JS3LKP.js";
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
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
};
