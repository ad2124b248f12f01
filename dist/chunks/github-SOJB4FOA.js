import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-Z4RTWG2G.js";
import "./chunk-E4IEORUP.js";
import "./chunk-7RUAHHY5.js";
import "./chunk-GWEME5MI.js";
import "./chunk-RACG66PY.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
