import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-WQIKXCCY.js";
import "./chunk-7QLFOVBN.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-EDO2BGYT.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-6ALA3QMA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
