import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
} from "./chunk-UTGPXFYS.js";
import "./chunk-ZSV4B4BI.js";
import "./chunk-CTUZOAZI.js";
import "./chunk-OMVOUR2L.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-45NTUV52.js";
import "./chunk-MHLAJ7HC.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-ZXU4MPSP.js";
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
