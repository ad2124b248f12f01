import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  createGitScratchRepository,
  gitCheckout,
  gitStateStore,
  openInventoryRevisions
} from "./chunk-PLAAVO4B.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-5U55QB5J.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  createGitScratchRepository,
  gitCheckout,
  gitStateStore,
  openInventoryRevisions
};
