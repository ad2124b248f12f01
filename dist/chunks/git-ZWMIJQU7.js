import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  createGitScratchRepository,
  gitCheckout,
  gitStateStore,
  openInventoryRevisions
} from "./chunk-XB5Q3JJF.js";
import "./chunk-VKO2MAIP.js";
import "./chunk-45NTUV52.js";
import "./chunk-KLADGNWY.js";
import "./chunk-PLIDAXJJ.js";
export {
  createGitScratchRepository,
  gitCheckout,
  gitStateStore,
  openInventoryRevisions
};
