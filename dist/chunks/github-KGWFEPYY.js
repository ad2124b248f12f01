import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-ECIXC4OJ.js";
import "./chunk-PD4IU5I5.js";
import "./chunk-WJRUYHSQ.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-B56PAIHX.js";
import "./chunk-BZNEAMHS.js";
import "./chunk-YHUUFZU6.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
