import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  auditDeployments
} from "./chunk-QUGA7NRH.js";
import "./chunk-WJ3T3LKR.js";
import "./chunk-NLG6KIMV.js";
import "./chunk-HDYKRRQ4.js";
import "./chunk-FNVTWHAF.js";
import "./chunk-JNZJOGSG.js";
import "./chunk-RGG2BSNJ.js";
import "./chunk-45NTUV52.js";
import "./chunk-OUHBEQVB.js";
import "./chunk-RDSJMO77.js";
import "./chunk-IOQOTO7J.js";
import "./chunk-NTY5ZNUX.js";
import "./chunk-ZCMEMDBB.js";
import "./chunk-CKNCODFD.js";
import "./chunk-AAKN5B6P.js";
import "./chunk-55Y3H7G4.js";
import "./chunk-TIFGA4ER.js";
import "./chunk-JDF2SXMV.js";
import "./chunk-HF3DDANW.js";
import "./chunk-75ASNW75.js";
import "./chunk-PNS7CLM4.js";
import "./chunk-QL6ADRZ6.js";
import "./chunk-KLADGNWY.js";
import "./chunk-ZPKHJYF4.js";
export {
  auditDeployments
};
