import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-3VPWCTFZ.js";
import "./chunk-AJZV2A4D.js";
import "./chunk-TORUODAR.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-XOJXETXX.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-PLWH3ARW.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
