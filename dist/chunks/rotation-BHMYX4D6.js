import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
} from "./chunk-WU77U55R.js";
import "./chunk-PD4IU5I5.js";
import "./chunk-WJRUYHSQ.js";
import "./chunk-OMVOUR2L.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-45NTUV52.js";
import "./chunk-B56PAIHX.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-YHUUFZU6.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
};
