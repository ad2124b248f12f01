import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
} from "./chunk-Z5Z2NIBR.js";
import "./chunk-3BV7JOVS.js";
import "./chunk-APXYBTE6.js";
import "./chunk-IUA6VUWP.js";
import "./chunk-VFBU72O2.js";
import "./chunk-GHDRYVXB.js";
import "./chunk-QTWLEP6E.js";
import "./chunk-56YDMF47.js";
import "./chunk-E2HVP66G.js";
import "./chunk-XJZ662F7.js";
import "./chunk-3C46D6FC.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-VMNF736Y.js";
import "./chunk-M77BNZDQ.js";
import "./chunk-3RNEGYGQ.js";
import "./chunk-MIT6DLVX.js";
import "./chunk-DA7ONON6.js";
import "./chunk-H4SHDKMY.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-56J7VSQS.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  describeSet,
  readNewValue,
  setCommand,
  storeNewValue
};
