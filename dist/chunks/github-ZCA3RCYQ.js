import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
} from "./chunk-CM6PZOZW.js";
import "./chunk-GHZJQAJD.js";
import "./chunk-J2JKTOFE.js";
import "./chunk-ASM7YXIQ.js";
import "./chunk-AAKN5B6P.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-75ASNW75.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  gitHubEnvironments,
  gitHubPullRequestComments,
  gitHubRotationIssues
};
