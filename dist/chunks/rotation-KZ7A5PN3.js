import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
} from "./chunk-UDY2VR5D.js";
import "./chunk-ZPKHJYF4.js";
export {
  appliedStateReader,
  createRotationDrivers,
  gitHubRotationReview,
  openRotationRepository
};
