import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-FIQW7S3K.js";
import "./chunk-HEOS5SV2.js";
import "./chunk-MPBN3IS2.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-QGSPAMD4.js";
import "./chunk-YEI75ZAY.js";
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
