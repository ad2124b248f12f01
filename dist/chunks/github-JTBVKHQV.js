import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-XRA5JDN2.js";
import "./chunk-4KN7UVAJ.js";
import "./chunk-467KFLUO.js";
import "./chunk-SAQGHCKC.js";
import "./chunk-CMQXSEVF.js";
import "./chunk-H4SHDKMY.js";
import "./chunk-ZIC7K62Z.js";
import "./chunk-56J7VSQS.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
