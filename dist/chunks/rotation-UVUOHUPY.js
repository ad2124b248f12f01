import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
} from "./chunk-XCXOFZ7Z.js";
import "./chunk-ZLNK5RCC.js";
import "./chunk-S7EYADZV.js";
import "./chunk-OMVOUR2L.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-45NTUV52.js";
import "./chunk-H4SHDKMY.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-56J7VSQS.js";
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
