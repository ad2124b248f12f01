import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  planInventoryChange
} from "./chunk-PFITFIM6.js";
import "./chunk-2FSIPXY2.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-NR7HA6JH.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-AGFLYKPZ.js";
import "./chunk-UDGW75P5.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-TIFGA4ER.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-RR2O5TQE.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  planInventoryChange
};
