import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  manualRotationCommand,
  pullRequestBody,
  resolveRotationTarget,
  rotateCredentials,
  swapPullRequestBody
} from "./chunk-FZKL2A6X.js";
import "./chunk-V2QDFDXZ.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-4FLMUSPY.js";
import "./chunk-VOAEM4TM.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-UFOXO66X.js";
import "./chunk-M7FZZVD5.js";
import "./chunk-KQR6WLCO.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-BBAJST2L.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-ZXU4MPSP.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  manualRotationCommand,
  pullRequestBody,
  resolveRotationTarget,
  rotateCredentials,
  swapPullRequestBody
};
