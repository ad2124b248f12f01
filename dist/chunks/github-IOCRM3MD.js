import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-ZQ2RHVEE.js";
import "./chunk-JCYRKC7J.js";
import "./chunk-CVPM335J.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-UDGW75P5.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-RR2O5TQE.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
