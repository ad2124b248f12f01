import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  processIo,
  styleFor
} from "./chunk-3H5HZQW4.js";
import "./chunk-YA2RGZKH.js";
import "./chunk-JVHVJJ7T.js";
import "./chunk-ZPKHJYF4.js";
export {
  processIo,
  styleFor
};
