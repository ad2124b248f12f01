import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
} from "./chunk-HGZHALZJ.js";
import "./chunk-HEOS5SV2.js";
import "./chunk-MPBN3IS2.js";
import "./chunk-FEV2HVUF.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-45NTUV52.js";
import "./chunk-QGSPAMD4.js";
import "./chunk-YEI75ZAY.js";
import "./chunk-ZXU4MPSP.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
};
