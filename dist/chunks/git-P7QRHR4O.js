import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  createGitScratchRepository,
  gitCheckout,
  gitStateStore,
  openInventoryRevisions
} from "./chunk-CPWMHZCT.js";
import "./chunk-FEV2HVUF.js";
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
