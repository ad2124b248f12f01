import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  LOCAL_PROCESS,
  isLockLive,
  openGitAppliedStateStore
} from "./chunk-JZLL5276.js";
import "./chunk-P4FUDGKZ.js";
import "./chunk-45NTUV52.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  LOCAL_PROCESS,
  isLockLive,
  openGitAppliedStateStore
};
