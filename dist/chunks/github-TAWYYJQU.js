import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-HF4W57V6.js";
import "./chunk-NDEZN3OE.js";
import "./chunk-TXXNWB4O.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-XHVHMUK4.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-X75H72PA.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
