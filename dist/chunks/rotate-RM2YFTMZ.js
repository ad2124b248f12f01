import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  manualRotationCommand,
  pullRequestBody,
  resolveRotationTarget,
  rotateCredentials,
  swapPullRequestBody
} from "./chunk-SLGP6G5A.js";
import "./chunk-LMPLITML.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-UU6I4Z3O.js";
import "./chunk-VC2QZXYH.js";
import "./chunk-TOZBZRWR.js";
import "./chunk-RTYMEON2.js";
import "./chunk-QBD5SAYY.js";
import "./chunk-D2P2K5XU.js";
import "./chunk-B56PAIHX.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-7UPAAUCH.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-YHUUFZU6.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  manualRotationCommand,
  pullRequestBody,
  resolveRotationTarget,
  rotateCredentials,
  swapPullRequestBody
};
