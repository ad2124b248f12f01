import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  manualRotationCommand,
  pullRequestBody,
  resolveRotationTarget,
  rotateCredentials
} from "./chunk-PNHSSEPJ.js";
import "./chunk-GHDRYVXB.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-56YDMF47.js";
import "./chunk-XJZ662F7.js";
import "./chunk-3C46D6FC.js";
import "./chunk-SAQGHCKC.js";
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
  manualRotationCommand,
  pullRequestBody,
  resolveRotationTarget,
  rotateCredentials
};
