import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  createGitScratchRepository,
  gitCheckout,
  gitStateStore,
  openInventoryRevisions
} from "./chunk-3A33JCZ4.js";
import "./chunk-JZLL5276.js";
import "./chunk-P4FUDGKZ.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-45NTUV52.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  createGitScratchRepository,
  gitCheckout,
  gitStateStore,
  openInventoryRevisions
};
