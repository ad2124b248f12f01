import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-CF635N73.js";
import "./chunk-UJOWDKIQ.js";
import "./chunk-KR5N7TZ2.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-KQR6WLCO.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-ZXU4MPSP.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
