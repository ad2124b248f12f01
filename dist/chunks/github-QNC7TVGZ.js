import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-6Q6FUZ4G.js";
import "./chunk-ZLNK5RCC.js";
import "./chunk-S7EYADZV.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-H4SHDKMY.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-56J7VSQS.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-X6547CXL.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
