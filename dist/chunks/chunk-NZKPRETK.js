import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  isEventDrivenKind
} from "./chunk-XHVHMUK4.js";
import {
  isCalendarDate,
  parseDuration
} from "./chunk-55Y3H7G4.js";
import {
  checkYamlSyntax,
  errorAt,
  isError,
  parseYamlSource,
  placeFinding,
  sortDiagnostics,
  warningAt
} from "./chunk-YUYCLIND.js";
import {
  OWNER_PLACEHOLDER,
  credentialsInUrl
} from "./chunk-JDF2SXMV.js";
import {
  describeSuggestion
} from "./chunk-HF3DDANW.js";
import {
  CREDENTIAL_DATE_FIELDS,
  CREDENTIAL_KINDS,
  GENERATED_ALPHABETS,
  ROTATION_DRIVERS,
  describePlaintext,
  findCredential,
  listSealedValues,
  ownValue,
  recordWithoutPrototype
} from "./chunk-X75H72PA.js";
import {
  SESSION_SECRET_IGNORED,
  SESSION_SECRET_SETTING,
  describeSessionSecretRotation,
  findSetting
} from "./chunk-PNS7CLM4.js";
import {
  __commonJS,
  __toESM
} from "./chunk-ZPKHJYF4.js";

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches = DATE.exec(str);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// src/core/generated/inventory-schema-validator.js
var import_fast_deep_equal = __toESM(require_fast_deep_equal(), 1);
var import_formats = __toESM(require_formats(), 1);
var __plainHttpUri = /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:\/[A-Za-z0-9._~-]*)*$/;
var __fullFormats = { ...import_formats.fullFormats, uri: (text) => __plainHttpUri.test(text) || import_formats.fullFormats.uri(text) };
var inventory_schema_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://github.com/credledger/credledger/schemas/credentials.schema.json", "title": "credledger inventory (version 1)", "description": "A checked-in inventory of the credentials a team holds in its DocuElevate deployments: who owns each, who can read it, when it was rotated, its policy and its encrypted value.", "type": "object", "additionalProperties": false, "required": ["version", "credentials"], "properties": { "version": { "description": "Format version of this file. Only 1 exists.", "const": 1 }, "policy": { "description": "Team-wide rotation policy. Every field is optional; the built-in defaults apply where nothing is said.", "type": "object", "additionalProperties": false, "properties": { "intervals": { "description": "Rotation interval per credential kind, overriding the built-in default (for example `api_key: 60d`). Event-driven kinds (oauth_refresh_token, session_secret) take no interval.", "type": "object", "additionalProperties": false, "properties": { "api_key": { "$ref": "#/$defs/duration", "description": "Interval for API keys (default 90d)." }, "oauth_client_secret": { "$ref": "#/$defs/duration", "description": "Interval for OAuth client secrets (default 180d)." }, "password": { "$ref": "#/$defs/duration", "description": "Interval for passwords, the admin password included (default 90d)." }, "private_key": { "$ref": "#/$defs/duration", "description": "Interval for private keys and their passphrases (default 365d)." }, "service_account": { "$ref": "#/$defs/duration", "description": "Interval for service-account key files (default 365d)." }, "token": { "$ref": "#/$defs/duration", "description": "Interval for other long-lived tokens (default 365d)." }, "certificate": { "$ref": "#/$defs/duration", "description": "Interval for certificates (default 365d)." } } }, "due_soon": { "$ref": "#/$defs/duration", "description": "How long before its due date a credential is reported `due-soon` (default 14d)." } } }, "people": { "description": "Everyone who owns or can read a credential, by a short handle used in `owner` and `access`.", "type": "object", "propertyNames": { "$ref": "#/$defs/identifier" }, "additionalProperties": { "type": "object", "additionalProperties": false, "properties": { "github": { "description": "GitHub login, used to assign reminder issues.", "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, "email": { "description": "Contact address (informational).", "type": "string", "format": "email" }, "name": { "description": "Display name (informational).", "type": "string" }, "left": { "$ref": "#/$defs/date", "description": "The date this person left (offboarding). Every credential they owned or could read and that was last rotated before this date becomes overdue." }, "seal_only": { "description": "True for someone who holds no key that opens values and adds them with `credledger seal` (the recipients' public keys) only. They never read a value from the inventory, so leaving makes due only the credentials whose `access` lists them, not those they merely own.", "type": "boolean" } } } }, "encryption": { "description": "Public keys that values may be sealed for (`credledger seal`, `rekey --to-sealed`). Only the matching private key (CREDLEDGER_SEALING_KEY) opens a sealed value; sealing needs no secret at all.", "type": "object", "additionalProperties": false, "properties": { "recipients": { "description": "Who sealed values are for, newest first: `seal` seals for the first unless told otherwise.", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["id", "public_key"], "properties": { "id": { "$ref": "#/$defs/identifier", "description": "The recipient's name, written into every value sealed for it (`sealed:<id>:\u2026`)." }, "public_key": { "description": "The recipient's X25519 public key: 32 bytes as base64url with its `=` (`credledger keygen --sealing` prints it).", "type": "string", "pattern": "^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=$" } } } } } }, "deployments": { "description": "The DocuElevate deployments values are pushed to, by name.", "type": "object", "propertyNames": { "$ref": "#/$defs/identifier" }, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["url"], "properties": { "url": { "description": "Base URL of the deployment (the settings API lives under `<url>/api/settings`). `http://` is refused except on loopback unless apply is given --allow-insecure-http.", "type": "string", "format": "uri", "pattern": "^https?://" }, "auth": { "description": "How credledger authenticates to the settings API. Only names of environment variables appear here, never secrets. Default: `{method: none}`.", "type": "object", "required": ["method"], "properties": { "method": { "description": "The authentication method: login, bearer, session or none.", "enum": ["login", "bearer", "session", "none"] } }, "discriminator": { "propertyName": "method" }, "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["method", "username_env", "password_env"], "properties": { "method": { "const": "login", "description": "Log in through DocuElevate's login form as its admin (session cookie + CSRF token)." }, "username_env": { "$ref": "#/$defs/envName", "description": "Environment variable holding the admin username." }, "password_env": { "$ref": "#/$defs/envName", "description": "Environment variable holding the admin password." } } }, { "type": "object", "additionalProperties": false, "required": ["method", "token_env"], "properties": { "method": { "const": "bearer", "description": "Send `Authorization: Bearer <token>`. DocuElevate's own API tokens are not admins as of 0.188; use `login` there." }, "token_env": { "$ref": "#/$defs/envName", "description": "Environment variable holding the bearer token." } } }, { "type": "object", "additionalProperties": false, "required": ["method", "cookie_env"], "properties": { "method": { "const": "session", "description": "Reuse an existing admin session cookie." }, "cookie_env": { "$ref": "#/$defs/envName", "description": "Environment variable holding the value of the `session` cookie of an admin session." } } }, { "type": "object", "additionalProperties": false, "required": ["method"], "properties": { "method": { "const": "none", "description": "Send no credentials (test servers, settings APIs without authentication)." } } }] } } } }, "credentials": { "description": "Every credential, by a stable id used in plans, reminder issues and the applied state.", "type": "object", "propertyNames": { "$ref": "#/$defs/identifier" }, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["setting", "kind", "owner"], "properties": { "setting": { "description": "The DocuElevate setting key this credential is stored under, e.g. `openai_api_key`.", "type": "string", "pattern": "^[a-zA-Z][a-zA-Z0-9_]{0,127}$" }, "kind": { "description": "What sort of credential this is; it sets the default rotation interval.", "enum": ["api_key", "oauth_client_secret", "oauth_refresh_token", "password", "admin_password", "session_secret", "private_key", "service_account", "token", "certificate"] }, "owner": { "$ref": "#/$defs/identifier", "description": "The person (a key of `people`) responsible for rotating it." }, "access": { "description": "People (keys of `people`) who could read the value. When one of them leaves, the credential must be rotated.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/identifier" } }, "issuer": { "description": "Where the credential was issued, e.g. `platform.openai.com` (for runbooks and offboarding).", "type": "string" }, "description": { "description": "Free text about the credential.", "type": "string" }, "created": { "$ref": "#/$defs/date", "description": "When the credential was first issued." }, "rotated": { "$ref": "#/$defs/date", "description": "When it was last rotated. Rotation is counted from here, or from `created` when absent." }, "every": { "$ref": "#/$defs/duration", "description": "Rotation interval of this credential, overriding its kind's. Not allowed on event-driven kinds." }, "deployments": { "description": "Deployments (keys of `deployments`) that use this credential. Default: every deployment.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/identifier" } }, "value": { "$ref": "#/$defs/sealedValue", "description": "The encrypted value, the same for every deployment (`credledger set` writes it)." }, "values": { "description": "Encrypted values per deployment, instead of `value`.", "type": "object", "propertyNames": { "$ref": "#/$defs/identifier" }, "additionalProperties": { "$ref": "#/$defs/sealedValue" } }, "group": { "description": "Credentials that share a group (e.g. the AWS key id and secret) are pushed back to back, and reported together if one fails.", "$ref": "#/$defs/identifier" }, "custom": { "description": "Set to true for a setting that is not in DocuElevate's catalogue of sensitive settings, to silence that warning.", "type": "boolean" }, "compromised": { "$ref": "#/$defs/date", "description": "A suspected leak on this date: the credential is overdue (critical) until rotated after it." }, "incident": { "description": "What is known of the suspected leak recorded in `compromised` (`credledger revoke --reason` writes it): shown in the reminder issue and in status.", "type": "string" }, "revoked": { "$ref": "#/$defs/date", "description": "The date it was revoked or re-authorised at its issuer (event-driven kinds): it is overdue until rotated after it." }, "rotation": { "description": "How `credledger rotate` makes this credential's next value (docs/rotation.md). Non-secret issuer references only: the secret goes into `value`.", "type": "object", "additionalProperties": false, "required": ["driver"], "properties": { "driver": { "description": "Which driver rotates it: `aws-iam-access-key` (an IAM user's access key pair), `docuelevate-admin-password` (DocuElevate's own admin password, swapped on apply) or `generated-secret` (a random value the team makes itself).", "enum": ["aws-iam-access-key", "docuelevate-admin-password", "generated-secret"] }, "user": { "description": "aws-iam-access-key: the IAM user whose access key this is.", "type": "string", "pattern": "^[\\w+=,.@-]{1,64}$" }, "secret": { "$ref": "#/$defs/identifier", "description": "aws-iam-access-key: the credential (a key of `credentials`) that holds the secret access key of the same pair; this one holds the access key id." }, "key_id": { "description": "aws-iam-access-key: the access key id in use, recorded by `credledger rotate` (not a secret).", "type": "string", "pattern": "^[A-Z0-9]{16,128}$" }, "region": { "description": "aws-iam-access-key: the AWS region for STS (default us-east-1).", "type": "string", "pattern": "^[a-z0-9-]{1,32}$" }, "length": { "description": "generated-secret, docuelevate-admin-password: how many characters the new value has (default 40).", "type": "integer", "minimum": 16, "maximum": 1024 }, "alphabet": { "description": "generated-secret, docuelevate-admin-password: the characters it is drawn from (default alphanumeric).", "enum": ["alphanumeric", "hex", "base64url", "printable"] }, "swap": { "description": "docuelevate-admin-password: a swap requested by `credledger rotate` (its rotation id). The apply after the merge mints, seals, records and pushes the new password; the value never sits in a pull request.", "type": "string", "pattern": "^rot-[0-9a-f]{12}$" } } } } } } }, "$defs": { "identifier": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, "envName": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "date": { "description": "A UTC calendar date, YYYY-MM-DD.", "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" }, "duration": { "description": "A duration in days or weeks: `90d`, `12w`.", "type": "string", "pattern": "^[1-9][0-9]{0,4}[dw]$" }, "sealedValue": { "description": "An encrypted value: `fernet:<key id>:<Fernet token>` (under the master key) or `sealed:<recipient id>:<ephemeral public key>:<Fernet token>` (sealed for a recipient's public key).", "type": "string" } } };
var pattern4 = new RegExp("^[1-9][0-9]{0,4}[dw]$", "u");
var pattern12 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", "u");
var pattern13 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", "u");
var pattern14 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
var pattern16 = new RegExp("^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=$", "u");
var pattern18 = new RegExp("^https?://", "u");
var pattern19 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
var pattern24 = new RegExp("^[a-zA-Z][a-zA-Z0-9_]{0,127}$", "u");
var pattern35 = new RegExp("^[\\w+=,.@-]{1,64}$", "u");
var pattern37 = new RegExp("^[A-Z0-9]{16,128}$", "u");
var pattern38 = new RegExp("^[a-z0-9-]{1,32}$", "u");
var pattern39 = new RegExp("^rot-[0-9a-f]{12}$", "u");
var formats0 = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
var formats2 = __fullFormats.uri;
var func1 = Object.prototype.hasOwnProperty;
var func0 = import_fast_deep_equal.default;
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.credentials === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "credentials" }, message: "must have required property 'credentials'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "policy" || key0 === "people" || key0 === "encryption" || key0 === "deployments" || key0 === "credentials")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      if (1 !== data.version) {
        const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.policy !== void 0) {
      let data1 = data.policy;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!(key1 === "intervals" || key1 === "due_soon")) {
            const err4 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1.intervals !== void 0) {
          let data2 = data1.intervals;
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            for (const key2 in data2) {
              if (!(key2 === "api_key" || key2 === "oauth_client_secret" || key2 === "password" || key2 === "private_key" || key2 === "service_account" || key2 === "token" || key2 === "certificate")) {
                const err5 = { instancePath: instancePath + "/policy/intervals", schemaPath: "#/properties/policy/properties/intervals/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
            if (data2.api_key !== void 0) {
              let data3 = data2.api_key;
              if (typeof data3 === "string") {
                if (!pattern4.test(data3)) {
                  const err6 = { instancePath: instancePath + "/policy/intervals/api_key", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
              } else {
                const err7 = { instancePath: instancePath + "/policy/intervals/api_key", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
            if (data2.oauth_client_secret !== void 0) {
              let data4 = data2.oauth_client_secret;
              if (typeof data4 === "string") {
                if (!pattern4.test(data4)) {
                  const err8 = { instancePath: instancePath + "/policy/intervals/oauth_client_secret", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err8];
                  } else {
                    vErrors.push(err8);
                  }
                  errors++;
                }
              } else {
                const err9 = { instancePath: instancePath + "/policy/intervals/oauth_client_secret", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (data2.password !== void 0) {
              let data5 = data2.password;
              if (typeof data5 === "string") {
                if (!pattern4.test(data5)) {
                  const err10 = { instancePath: instancePath + "/policy/intervals/password", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = { instancePath: instancePath + "/policy/intervals/password", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data2.private_key !== void 0) {
              let data6 = data2.private_key;
              if (typeof data6 === "string") {
                if (!pattern4.test(data6)) {
                  const err12 = { instancePath: instancePath + "/policy/intervals/private_key", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              } else {
                const err13 = { instancePath: instancePath + "/policy/intervals/private_key", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
            if (data2.service_account !== void 0) {
              let data7 = data2.service_account;
              if (typeof data7 === "string") {
                if (!pattern4.test(data7)) {
                  const err14 = { instancePath: instancePath + "/policy/intervals/service_account", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              } else {
                const err15 = { instancePath: instancePath + "/policy/intervals/service_account", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data2.token !== void 0) {
              let data8 = data2.token;
              if (typeof data8 === "string") {
                if (!pattern4.test(data8)) {
                  const err16 = { instancePath: instancePath + "/policy/intervals/token", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err16];
                  } else {
                    vErrors.push(err16);
                  }
                  errors++;
                }
              } else {
                const err17 = { instancePath: instancePath + "/policy/intervals/token", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data2.certificate !== void 0) {
              let data9 = data2.certificate;
              if (typeof data9 === "string") {
                if (!pattern4.test(data9)) {
                  const err18 = { instancePath: instancePath + "/policy/intervals/certificate", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
              } else {
                const err19 = { instancePath: instancePath + "/policy/intervals/certificate", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
          } else {
            const err20 = { instancePath: instancePath + "/policy/intervals", schemaPath: "#/properties/policy/properties/intervals/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data1.due_soon !== void 0) {
          let data10 = data1.due_soon;
          if (typeof data10 === "string") {
            if (!pattern4.test(data10)) {
              const err21 = { instancePath: instancePath + "/policy/due_soon", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          } else {
            const err22 = { instancePath: instancePath + "/policy/due_soon", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.people !== void 0) {
      let data11 = data.people;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key3 in data11) {
          const _errs35 = errors;
          if (typeof key3 === "string") {
            if (!pattern12.test(key3)) {
              const err24 = { instancePath: instancePath + "/people", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"', propertyName: key3 };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          } else {
            const err25 = { instancePath: instancePath + "/people", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key3 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
          var valid11 = _errs35 === errors;
          if (!valid11) {
            const err26 = { instancePath: instancePath + "/people", schemaPath: "#/properties/people/propertyNames", keyword: "propertyNames", params: { propertyName: key3 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        for (const key4 in data11) {
          let data12 = data11[key4];
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            for (const key5 in data12) {
              if (!(key5 === "github" || key5 === "email" || key5 === "name" || key5 === "left" || key5 === "seal_only")) {
                const err27 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/people/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data12.github !== void 0) {
              let data13 = data12.github;
              if (typeof data13 === "string") {
                if (!pattern13.test(data13)) {
                  const err28 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/github", schemaPath: "#/properties/people/additionalProperties/properties/github/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"' };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              } else {
                const err29 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/github", schemaPath: "#/properties/people/additionalProperties/properties/github/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data12.email !== void 0) {
              let data14 = data12.email;
              if (typeof data14 === "string") {
                if (!formats0.test(data14)) {
                  const err30 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/email", schemaPath: "#/properties/people/additionalProperties/properties/email/format", keyword: "format", params: { format: "email" }, message: 'must match format "email"' };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/email", schemaPath: "#/properties/people/additionalProperties/properties/email/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data12.name !== void 0) {
              if (typeof data12.name !== "string") {
                const err32 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/name", schemaPath: "#/properties/people/additionalProperties/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
            if (data12.left !== void 0) {
              let data16 = data12.left;
              if (typeof data16 === "string") {
                if (!pattern14.test(data16)) {
                  const err33 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/left", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                  if (vErrors === null) {
                    vErrors = [err33];
                  } else {
                    vErrors.push(err33);
                  }
                  errors++;
                }
              } else {
                const err34 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/left", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            }
            if (data12.seal_only !== void 0) {
              if (typeof data12.seal_only !== "boolean") {
                const err35 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/seal_only", schemaPath: "#/properties/people/additionalProperties/properties/seal_only/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
          } else {
            const err36 = { instancePath: instancePath + "/people/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/people/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/people", schemaPath: "#/properties/people/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.encryption !== void 0) {
      let data18 = data.encryption;
      if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
        for (const key6 in data18) {
          if (!(key6 === "recipients")) {
            const err38 = { instancePath: instancePath + "/encryption", schemaPath: "#/properties/encryption/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data18.recipients !== void 0) {
          let data19 = data18.recipients;
          if (Array.isArray(data19)) {
            if (data19.length < 1) {
              const err39 = { instancePath: instancePath + "/encryption/recipients", schemaPath: "#/properties/encryption/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
            const len0 = data19.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data20 = data19[i0];
              if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
                if (data20.id === void 0) {
                  const err40 = { instancePath: instancePath + "/encryption/recipients/" + i0, schemaPath: "#/properties/encryption/properties/recipients/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
                if (data20.public_key === void 0) {
                  const err41 = { instancePath: instancePath + "/encryption/recipients/" + i0, schemaPath: "#/properties/encryption/properties/recipients/items/required", keyword: "required", params: { missingProperty: "public_key" }, message: "must have required property 'public_key'" };
                  if (vErrors === null) {
                    vErrors = [err41];
                  } else {
                    vErrors.push(err41);
                  }
                  errors++;
                }
                for (const key7 in data20) {
                  if (!(key7 === "id" || key7 === "public_key")) {
                    const err42 = { instancePath: instancePath + "/encryption/recipients/" + i0, schemaPath: "#/properties/encryption/properties/recipients/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err42];
                    } else {
                      vErrors.push(err42);
                    }
                    errors++;
                  }
                }
                if (data20.id !== void 0) {
                  let data21 = data20.id;
                  if (typeof data21 === "string") {
                    if (!pattern12.test(data21)) {
                      const err43 = { instancePath: instancePath + "/encryption/recipients/" + i0 + "/id", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"' };
                      if (vErrors === null) {
                        vErrors = [err43];
                      } else {
                        vErrors.push(err43);
                      }
                      errors++;
                    }
                  } else {
                    const err44 = { instancePath: instancePath + "/encryption/recipients/" + i0 + "/id", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err44];
                    } else {
                      vErrors.push(err44);
                    }
                    errors++;
                  }
                }
                if (data20.public_key !== void 0) {
                  let data22 = data20.public_key;
                  if (typeof data22 === "string") {
                    if (!pattern16.test(data22)) {
                      const err45 = { instancePath: instancePath + "/encryption/recipients/" + i0 + "/public_key", schemaPath: "#/properties/encryption/properties/recipients/items/properties/public_key/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=$" }, message: 'must match pattern "^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=$"' };
                      if (vErrors === null) {
                        vErrors = [err45];
                      } else {
                        vErrors.push(err45);
                      }
                      errors++;
                    }
                  } else {
                    const err46 = { instancePath: instancePath + "/encryption/recipients/" + i0 + "/public_key", schemaPath: "#/properties/encryption/properties/recipients/items/properties/public_key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                }
              } else {
                const err47 = { instancePath: instancePath + "/encryption/recipients/" + i0, schemaPath: "#/properties/encryption/properties/recipients/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err47];
                } else {
                  vErrors.push(err47);
                }
                errors++;
              }
            }
          } else {
            const err48 = { instancePath: instancePath + "/encryption/recipients", schemaPath: "#/properties/encryption/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/encryption", schemaPath: "#/properties/encryption/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.deployments !== void 0) {
      let data23 = data.deployments;
      if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
        for (const key8 in data23) {
          const _errs68 = errors;
          if (typeof key8 === "string") {
            if (!pattern12.test(key8)) {
              const err50 = { instancePath: instancePath + "/deployments", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"', propertyName: key8 };
              if (vErrors === null) {
                vErrors = [err50];
              } else {
                vErrors.push(err50);
              }
              errors++;
            }
          } else {
            const err51 = { instancePath: instancePath + "/deployments", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key8 };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
          var valid21 = _errs68 === errors;
          if (!valid21) {
            const err52 = { instancePath: instancePath + "/deployments", schemaPath: "#/properties/deployments/propertyNames", keyword: "propertyNames", params: { propertyName: key8 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
        }
        for (const key9 in data23) {
          let data24 = data23[key9];
          if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
            if (data24.url === void 0) {
              const err53 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/deployments/additionalProperties/required", keyword: "required", params: { missingProperty: "url" }, message: "must have required property 'url'" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
            for (const key10 in data24) {
              if (!(key10 === "url" || key10 === "auth")) {
                const err54 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/deployments/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
            if (data24.url !== void 0) {
              let data25 = data24.url;
              if (typeof data25 === "string") {
                if (!pattern18.test(data25)) {
                  const err55 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/url", schemaPath: "#/properties/deployments/additionalProperties/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://" }, message: 'must match pattern "^https?://"' };
                  if (vErrors === null) {
                    vErrors = [err55];
                  } else {
                    vErrors.push(err55);
                  }
                  errors++;
                }
                if (!formats2(data25)) {
                  const err56 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/url", schemaPath: "#/properties/deployments/additionalProperties/properties/url/format", keyword: "format", params: { format: "uri" }, message: 'must match format "uri"' };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              } else {
                const err57 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/url", schemaPath: "#/properties/deployments/additionalProperties/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data24.auth !== void 0) {
              let data26 = data24.auth;
              if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                if (data26.method === void 0) {
                  const err58 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/required", keyword: "required", params: { missingProperty: "method" }, message: "must have required property 'method'" };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                if (data26.method !== void 0) {
                  let data27 = data26.method;
                  if (!(data27 === "login" || data27 === "bearer" || data27 === "session" || data27 === "none")) {
                    const err59 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/method", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/properties/method/enum", keyword: "enum", params: { allowedValues: schema31.properties.deployments.additionalProperties.properties.auth.properties.method.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err59];
                    } else {
                      vErrors.push(err59);
                    }
                    errors++;
                  }
                }
                const tag0 = data26.method;
                if (typeof tag0 == "string") {
                  if (tag0 === "login") {
                    if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                      if (data26.method === void 0) {
                        const err60 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/0/required", keyword: "required", params: { missingProperty: "method" }, message: "must have required property 'method'" };
                        if (vErrors === null) {
                          vErrors = [err60];
                        } else {
                          vErrors.push(err60);
                        }
                        errors++;
                      }
                      if (data26.username_env === void 0) {
                        const err61 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/0/required", keyword: "required", params: { missingProperty: "username_env" }, message: "must have required property 'username_env'" };
                        if (vErrors === null) {
                          vErrors = [err61];
                        } else {
                          vErrors.push(err61);
                        }
                        errors++;
                      }
                      if (data26.password_env === void 0) {
                        const err62 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/0/required", keyword: "required", params: { missingProperty: "password_env" }, message: "must have required property 'password_env'" };
                        if (vErrors === null) {
                          vErrors = [err62];
                        } else {
                          vErrors.push(err62);
                        }
                        errors++;
                      }
                      for (const key11 in data26) {
                        if (!(key11 === "method" || key11 === "username_env" || key11 === "password_env")) {
                          const err63 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" };
                          if (vErrors === null) {
                            vErrors = [err63];
                          } else {
                            vErrors.push(err63);
                          }
                          errors++;
                        }
                      }
                      if (data26.method !== void 0) {
                        if ("login" !== data26.method) {
                          const err64 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/method", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/0/properties/method/const", keyword: "const", params: { allowedValue: "login" }, message: "must be equal to constant" };
                          if (vErrors === null) {
                            vErrors = [err64];
                          } else {
                            vErrors.push(err64);
                          }
                          errors++;
                        }
                      }
                      if (data26.username_env !== void 0) {
                        let data29 = data26.username_env;
                        if (typeof data29 === "string") {
                          if (!pattern19.test(data29)) {
                            const err65 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/username_env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                            if (vErrors === null) {
                              vErrors = [err65];
                            } else {
                              vErrors.push(err65);
                            }
                            errors++;
                          }
                        } else {
                          const err66 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/username_env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err66];
                          } else {
                            vErrors.push(err66);
                          }
                          errors++;
                        }
                      }
                      if (data26.password_env !== void 0) {
                        let data30 = data26.password_env;
                        if (typeof data30 === "string") {
                          if (!pattern19.test(data30)) {
                            const err67 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/password_env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                            if (vErrors === null) {
                              vErrors = [err67];
                            } else {
                              vErrors.push(err67);
                            }
                            errors++;
                          }
                        } else {
                          const err68 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/password_env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err68];
                          } else {
                            vErrors.push(err68);
                          }
                          errors++;
                        }
                      }
                    } else {
                      const err69 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      if (vErrors === null) {
                        vErrors = [err69];
                      } else {
                        vErrors.push(err69);
                      }
                      errors++;
                    }
                    var props0 = true;
                  } else if (tag0 === "bearer") {
                    if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                      if (data26.method === void 0) {
                        const err70 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/1/required", keyword: "required", params: { missingProperty: "method" }, message: "must have required property 'method'" };
                        if (vErrors === null) {
                          vErrors = [err70];
                        } else {
                          vErrors.push(err70);
                        }
                        errors++;
                      }
                      if (data26.token_env === void 0) {
                        const err71 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/1/required", keyword: "required", params: { missingProperty: "token_env" }, message: "must have required property 'token_env'" };
                        if (vErrors === null) {
                          vErrors = [err71];
                        } else {
                          vErrors.push(err71);
                        }
                        errors++;
                      }
                      for (const key12 in data26) {
                        if (!(key12 === "method" || key12 === "token_env")) {
                          const err72 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" };
                          if (vErrors === null) {
                            vErrors = [err72];
                          } else {
                            vErrors.push(err72);
                          }
                          errors++;
                        }
                      }
                      if (data26.method !== void 0) {
                        if ("bearer" !== data26.method) {
                          const err73 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/method", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/1/properties/method/const", keyword: "const", params: { allowedValue: "bearer" }, message: "must be equal to constant" };
                          if (vErrors === null) {
                            vErrors = [err73];
                          } else {
                            vErrors.push(err73);
                          }
                          errors++;
                        }
                      }
                      if (data26.token_env !== void 0) {
                        let data32 = data26.token_env;
                        if (typeof data32 === "string") {
                          if (!pattern19.test(data32)) {
                            const err74 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/token_env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                            if (vErrors === null) {
                              vErrors = [err74];
                            } else {
                              vErrors.push(err74);
                            }
                            errors++;
                          }
                        } else {
                          const err75 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/token_env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err75];
                          } else {
                            vErrors.push(err75);
                          }
                          errors++;
                        }
                      }
                    } else {
                      const err76 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      if (vErrors === null) {
                        vErrors = [err76];
                      } else {
                        vErrors.push(err76);
                      }
                      errors++;
                    }
                    if (props0 !== true) {
                      props0 = true;
                    }
                  } else if (tag0 === "session") {
                    if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                      if (data26.method === void 0) {
                        const err77 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/2/required", keyword: "required", params: { missingProperty: "method" }, message: "must have required property 'method'" };
                        if (vErrors === null) {
                          vErrors = [err77];
                        } else {
                          vErrors.push(err77);
                        }
                        errors++;
                      }
                      if (data26.cookie_env === void 0) {
                        const err78 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/2/required", keyword: "required", params: { missingProperty: "cookie_env" }, message: "must have required property 'cookie_env'" };
                        if (vErrors === null) {
                          vErrors = [err78];
                        } else {
                          vErrors.push(err78);
                        }
                        errors++;
                      }
                      for (const key13 in data26) {
                        if (!(key13 === "method" || key13 === "cookie_env")) {
                          const err79 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties" };
                          if (vErrors === null) {
                            vErrors = [err79];
                          } else {
                            vErrors.push(err79);
                          }
                          errors++;
                        }
                      }
                      if (data26.method !== void 0) {
                        if ("session" !== data26.method) {
                          const err80 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/method", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/2/properties/method/const", keyword: "const", params: { allowedValue: "session" }, message: "must be equal to constant" };
                          if (vErrors === null) {
                            vErrors = [err80];
                          } else {
                            vErrors.push(err80);
                          }
                          errors++;
                        }
                      }
                      if (data26.cookie_env !== void 0) {
                        let data34 = data26.cookie_env;
                        if (typeof data34 === "string") {
                          if (!pattern19.test(data34)) {
                            const err81 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/cookie_env", schemaPath: "#/$defs/envName/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                            if (vErrors === null) {
                              vErrors = [err81];
                            } else {
                              vErrors.push(err81);
                            }
                            errors++;
                          }
                        } else {
                          const err82 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/cookie_env", schemaPath: "#/$defs/envName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err82];
                          } else {
                            vErrors.push(err82);
                          }
                          errors++;
                        }
                      }
                    } else {
                      const err83 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      if (vErrors === null) {
                        vErrors = [err83];
                      } else {
                        vErrors.push(err83);
                      }
                      errors++;
                    }
                    if (props0 !== true) {
                      props0 = true;
                    }
                  } else if (tag0 === "none") {
                    if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                      if (data26.method === void 0) {
                        const err84 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/3/required", keyword: "required", params: { missingProperty: "method" }, message: "must have required property 'method'" };
                        if (vErrors === null) {
                          vErrors = [err84];
                        } else {
                          vErrors.push(err84);
                        }
                        errors++;
                      }
                      for (const key14 in data26) {
                        if (!(key14 === "method")) {
                          const err85 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/3/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties" };
                          if (vErrors === null) {
                            vErrors = [err85];
                          } else {
                            vErrors.push(err85);
                          }
                          errors++;
                        }
                      }
                      if (data26.method !== void 0) {
                        if ("none" !== data26.method) {
                          const err86 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth/method", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/3/properties/method/const", keyword: "const", params: { allowedValue: "none" }, message: "must be equal to constant" };
                          if (vErrors === null) {
                            vErrors = [err86];
                          } else {
                            vErrors.push(err86);
                          }
                          errors++;
                        }
                      }
                    } else {
                      const err87 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/oneOf/3/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      if (vErrors === null) {
                        vErrors = [err87];
                      } else {
                        vErrors.push(err87);
                      }
                      errors++;
                    }
                    if (props0 !== true) {
                      props0 = true;
                    }
                  } else {
                    const err88 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/discriminator", keyword: "discriminator", params: { error: "mapping", tag: "method", tagValue: tag0 }, message: 'value of tag "method" must be in oneOf' };
                    if (vErrors === null) {
                      vErrors = [err88];
                    } else {
                      vErrors.push(err88);
                    }
                    errors++;
                  }
                } else {
                  const err89 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/discriminator", keyword: "discriminator", params: { error: "tag", tag: "method", tagValue: tag0 }, message: 'tag "method" must be string' };
                  if (vErrors === null) {
                    vErrors = [err89];
                  } else {
                    vErrors.push(err89);
                  }
                  errors++;
                }
              } else {
                const err90 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1") + "/auth", schemaPath: "#/properties/deployments/additionalProperties/properties/auth/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err90];
                } else {
                  vErrors.push(err90);
                }
                errors++;
              }
            }
          } else {
            const err91 = { instancePath: instancePath + "/deployments/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/deployments/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err91];
            } else {
              vErrors.push(err91);
            }
            errors++;
          }
        }
      } else {
        const err92 = { instancePath: instancePath + "/deployments", schemaPath: "#/properties/deployments/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err92];
        } else {
          vErrors.push(err92);
        }
        errors++;
      }
    }
    if (data.credentials !== void 0) {
      let data36 = data.credentials;
      if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
        for (const key15 in data36) {
          const _errs111 = errors;
          if (typeof key15 === "string") {
            if (!pattern12.test(key15)) {
              const err93 = { instancePath: instancePath + "/credentials", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"', propertyName: key15 };
              if (vErrors === null) {
                vErrors = [err93];
              } else {
                vErrors.push(err93);
              }
              errors++;
            }
          } else {
            const err94 = { instancePath: instancePath + "/credentials", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key15 };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
          var valid39 = _errs111 === errors;
          if (!valid39) {
            const err95 = { instancePath: instancePath + "/credentials", schemaPath: "#/properties/credentials/propertyNames", keyword: "propertyNames", params: { propertyName: key15 }, message: "property name must be valid" };
            if (vErrors === null) {
              vErrors = [err95];
            } else {
              vErrors.push(err95);
            }
            errors++;
          }
        }
        for (const key16 in data36) {
          let data37 = data36[key16];
          if (data37 && typeof data37 == "object" && !Array.isArray(data37)) {
            if (data37.setting === void 0) {
              const err96 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/credentials/additionalProperties/required", keyword: "required", params: { missingProperty: "setting" }, message: "must have required property 'setting'" };
              if (vErrors === null) {
                vErrors = [err96];
              } else {
                vErrors.push(err96);
              }
              errors++;
            }
            if (data37.kind === void 0) {
              const err97 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/credentials/additionalProperties/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
              if (vErrors === null) {
                vErrors = [err97];
              } else {
                vErrors.push(err97);
              }
              errors++;
            }
            if (data37.owner === void 0) {
              const err98 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/credentials/additionalProperties/required", keyword: "required", params: { missingProperty: "owner" }, message: "must have required property 'owner'" };
              if (vErrors === null) {
                vErrors = [err98];
              } else {
                vErrors.push(err98);
              }
              errors++;
            }
            for (const key17 in data37) {
              if (!func1.call(schema31.properties.credentials.additionalProperties.properties, key17)) {
                const err99 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/credentials/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key17 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err99];
                } else {
                  vErrors.push(err99);
                }
                errors++;
              }
            }
            if (data37.setting !== void 0) {
              let data38 = data37.setting;
              if (typeof data38 === "string") {
                if (!pattern24.test(data38)) {
                  const err100 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/setting", schemaPath: "#/properties/credentials/additionalProperties/properties/setting/pattern", keyword: "pattern", params: { pattern: "^[a-zA-Z][a-zA-Z0-9_]{0,127}$" }, message: 'must match pattern "^[a-zA-Z][a-zA-Z0-9_]{0,127}$"' };
                  if (vErrors === null) {
                    vErrors = [err100];
                  } else {
                    vErrors.push(err100);
                  }
                  errors++;
                }
              } else {
                const err101 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/setting", schemaPath: "#/properties/credentials/additionalProperties/properties/setting/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err101];
                } else {
                  vErrors.push(err101);
                }
                errors++;
              }
            }
            if (data37.kind !== void 0) {
              let data39 = data37.kind;
              if (!(data39 === "api_key" || data39 === "oauth_client_secret" || data39 === "oauth_refresh_token" || data39 === "password" || data39 === "admin_password" || data39 === "session_secret" || data39 === "private_key" || data39 === "service_account" || data39 === "token" || data39 === "certificate")) {
                const err102 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/kind", schemaPath: "#/properties/credentials/additionalProperties/properties/kind/enum", keyword: "enum", params: { allowedValues: schema31.properties.credentials.additionalProperties.properties.kind.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err102];
                } else {
                  vErrors.push(err102);
                }
                errors++;
              }
            }
            if (data37.owner !== void 0) {
              let data40 = data37.owner;
              if (typeof data40 === "string") {
                if (!pattern12.test(data40)) {
                  const err103 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/owner", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"' };
                  if (vErrors === null) {
                    vErrors = [err103];
                  } else {
                    vErrors.push(err103);
                  }
                  errors++;
                }
              } else {
                const err104 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/owner", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              }
            }
            if (data37.access !== void 0) {
              let data41 = data37.access;
              if (Array.isArray(data41)) {
                const len1 = data41.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data42 = data41[i1];
                  if (typeof data42 === "string") {
                    if (!pattern12.test(data42)) {
                      const err105 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/access/" + i1, schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"' };
                      if (vErrors === null) {
                        vErrors = [err105];
                      } else {
                        vErrors.push(err105);
                      }
                      errors++;
                    }
                  } else {
                    const err106 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/access/" + i1, schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err106];
                    } else {
                      vErrors.push(err106);
                    }
                    errors++;
                  }
                }
                let i2 = data41.length;
                let j0;
                if (i2 > 1) {
                  outer0: for (; i2--; ) {
                    for (j0 = i2; j0--; ) {
                      if (func0(data41[i2], data41[j0])) {
                        const err107 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/access", schemaPath: "#/properties/credentials/additionalProperties/properties/access/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)" };
                        if (vErrors === null) {
                          vErrors = [err107];
                        } else {
                          vErrors.push(err107);
                        }
                        errors++;
                        break outer0;
                      }
                    }
                  }
                }
              } else {
                const err108 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/access", schemaPath: "#/properties/credentials/additionalProperties/properties/access/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err108];
                } else {
                  vErrors.push(err108);
                }
                errors++;
              }
            }
            if (data37.issuer !== void 0) {
              if (typeof data37.issuer !== "string") {
                const err109 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/issuer", schemaPath: "#/properties/credentials/additionalProperties/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err109];
                } else {
                  vErrors.push(err109);
                }
                errors++;
              }
            }
            if (data37.description !== void 0) {
              if (typeof data37.description !== "string") {
                const err110 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/description", schemaPath: "#/properties/credentials/additionalProperties/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err110];
                } else {
                  vErrors.push(err110);
                }
                errors++;
              }
            }
            if (data37.created !== void 0) {
              let data45 = data37.created;
              if (typeof data45 === "string") {
                if (!pattern14.test(data45)) {
                  const err111 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/created", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                  if (vErrors === null) {
                    vErrors = [err111];
                  } else {
                    vErrors.push(err111);
                  }
                  errors++;
                }
              } else {
                const err112 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/created", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err112];
                } else {
                  vErrors.push(err112);
                }
                errors++;
              }
            }
            if (data37.rotated !== void 0) {
              let data46 = data37.rotated;
              if (typeof data46 === "string") {
                if (!pattern14.test(data46)) {
                  const err113 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotated", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                  if (vErrors === null) {
                    vErrors = [err113];
                  } else {
                    vErrors.push(err113);
                  }
                  errors++;
                }
              } else {
                const err114 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotated", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err114];
                } else {
                  vErrors.push(err114);
                }
                errors++;
              }
            }
            if (data37.every !== void 0) {
              let data47 = data37.every;
              if (typeof data47 === "string") {
                if (!pattern4.test(data47)) {
                  const err115 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/every", schemaPath: "#/$defs/duration/pattern", keyword: "pattern", params: { pattern: "^[1-9][0-9]{0,4}[dw]$" }, message: 'must match pattern "^[1-9][0-9]{0,4}[dw]$"' };
                  if (vErrors === null) {
                    vErrors = [err115];
                  } else {
                    vErrors.push(err115);
                  }
                  errors++;
                }
              } else {
                const err116 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/every", schemaPath: "#/$defs/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err116];
                } else {
                  vErrors.push(err116);
                }
                errors++;
              }
            }
            if (data37.deployments !== void 0) {
              let data48 = data37.deployments;
              if (Array.isArray(data48)) {
                const len2 = data48.length;
                for (let i3 = 0; i3 < len2; i3++) {
                  let data49 = data48[i3];
                  if (typeof data49 === "string") {
                    if (!pattern12.test(data49)) {
                      const err117 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/deployments/" + i3, schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"' };
                      if (vErrors === null) {
                        vErrors = [err117];
                      } else {
                        vErrors.push(err117);
                      }
                      errors++;
                    }
                  } else {
                    const err118 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/deployments/" + i3, schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err118];
                    } else {
                      vErrors.push(err118);
                    }
                    errors++;
                  }
                }
                let i4 = data48.length;
                let j1;
                if (i4 > 1) {
                  outer1: for (; i4--; ) {
                    for (j1 = i4; j1--; ) {
                      if (func0(data48[i4], data48[j1])) {
                        const err119 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/deployments", schemaPath: "#/properties/credentials/additionalProperties/properties/deployments/uniqueItems", keyword: "uniqueItems", params: { i: i4, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i4 + " are identical)" };
                        if (vErrors === null) {
                          vErrors = [err119];
                        } else {
                          vErrors.push(err119);
                        }
                        errors++;
                        break outer1;
                      }
                    }
                  }
                }
              } else {
                const err120 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/deployments", schemaPath: "#/properties/credentials/additionalProperties/properties/deployments/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err120];
                } else {
                  vErrors.push(err120);
                }
                errors++;
              }
            }
            if (data37.value !== void 0) {
              if (typeof data37.value !== "string") {
                const err121 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/value", schemaPath: "#/$defs/sealedValue/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err121];
                } else {
                  vErrors.push(err121);
                }
                errors++;
              }
            }
            if (data37.values !== void 0) {
              let data51 = data37.values;
              if (data51 && typeof data51 == "object" && !Array.isArray(data51)) {
                for (const key18 in data51) {
                  const _errs152 = errors;
                  if (typeof key18 === "string") {
                    if (!pattern12.test(key18)) {
                      const err122 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/values", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"', propertyName: key18 };
                      if (vErrors === null) {
                        vErrors = [err122];
                      } else {
                        vErrors.push(err122);
                      }
                      errors++;
                    }
                  } else {
                    const err123 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/values", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key18 };
                    if (vErrors === null) {
                      vErrors = [err123];
                    } else {
                      vErrors.push(err123);
                    }
                    errors++;
                  }
                  var valid56 = _errs152 === errors;
                  if (!valid56) {
                    const err124 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/values", schemaPath: "#/properties/credentials/additionalProperties/properties/values/propertyNames", keyword: "propertyNames", params: { propertyName: key18 }, message: "property name must be valid" };
                    if (vErrors === null) {
                      vErrors = [err124];
                    } else {
                      vErrors.push(err124);
                    }
                    errors++;
                  }
                }
                for (const key19 in data51) {
                  if (typeof data51[key19] !== "string") {
                    const err125 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/values/" + key19.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/sealedValue/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err125];
                    } else {
                      vErrors.push(err125);
                    }
                    errors++;
                  }
                }
              } else {
                const err126 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/values", schemaPath: "#/properties/credentials/additionalProperties/properties/values/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err126];
                } else {
                  vErrors.push(err126);
                }
                errors++;
              }
            }
            if (data37.group !== void 0) {
              let data53 = data37.group;
              if (typeof data53 === "string") {
                if (!pattern12.test(data53)) {
                  const err127 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/group", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"' };
                  if (vErrors === null) {
                    vErrors = [err127];
                  } else {
                    vErrors.push(err127);
                  }
                  errors++;
                }
              } else {
                const err128 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/group", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err128];
                } else {
                  vErrors.push(err128);
                }
                errors++;
              }
            }
            if (data37.custom !== void 0) {
              if (typeof data37.custom !== "boolean") {
                const err129 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/custom", schemaPath: "#/properties/credentials/additionalProperties/properties/custom/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err129];
                } else {
                  vErrors.push(err129);
                }
                errors++;
              }
            }
            if (data37.compromised !== void 0) {
              let data55 = data37.compromised;
              if (typeof data55 === "string") {
                if (!pattern14.test(data55)) {
                  const err130 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/compromised", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                  if (vErrors === null) {
                    vErrors = [err130];
                  } else {
                    vErrors.push(err130);
                  }
                  errors++;
                }
              } else {
                const err131 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/compromised", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err131];
                } else {
                  vErrors.push(err131);
                }
                errors++;
              }
            }
            if (data37.incident !== void 0) {
              if (typeof data37.incident !== "string") {
                const err132 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/incident", schemaPath: "#/properties/credentials/additionalProperties/properties/incident/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err132];
                } else {
                  vErrors.push(err132);
                }
                errors++;
              }
            }
            if (data37.revoked !== void 0) {
              let data57 = data37.revoked;
              if (typeof data57 === "string") {
                if (!pattern14.test(data57)) {
                  const err133 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/revoked", schemaPath: "#/$defs/date/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                  if (vErrors === null) {
                    vErrors = [err133];
                  } else {
                    vErrors.push(err133);
                  }
                  errors++;
                }
              } else {
                const err134 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/revoked", schemaPath: "#/$defs/date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err134];
                } else {
                  vErrors.push(err134);
                }
                errors++;
              }
            }
            if (data37.rotation !== void 0) {
              let data58 = data37.rotation;
              if (data58 && typeof data58 == "object" && !Array.isArray(data58)) {
                if (data58.driver === void 0) {
                  const err135 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/required", keyword: "required", params: { missingProperty: "driver" }, message: "must have required property 'driver'" };
                  if (vErrors === null) {
                    vErrors = [err135];
                  } else {
                    vErrors.push(err135);
                  }
                  errors++;
                }
                for (const key20 in data58) {
                  if (!(key20 === "driver" || key20 === "user" || key20 === "secret" || key20 === "key_id" || key20 === "region" || key20 === "length" || key20 === "alphabet" || key20 === "swap")) {
                    const err136 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key20 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err136];
                    } else {
                      vErrors.push(err136);
                    }
                    errors++;
                  }
                }
                if (data58.driver !== void 0) {
                  let data59 = data58.driver;
                  if (!(data59 === "aws-iam-access-key" || data59 === "docuelevate-admin-password" || data59 === "generated-secret")) {
                    const err137 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/driver", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/driver/enum", keyword: "enum", params: { allowedValues: schema31.properties.credentials.additionalProperties.properties.rotation.properties.driver.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err137];
                    } else {
                      vErrors.push(err137);
                    }
                    errors++;
                  }
                }
                if (data58.user !== void 0) {
                  let data60 = data58.user;
                  if (typeof data60 === "string") {
                    if (!pattern35.test(data60)) {
                      const err138 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/user", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/user/pattern", keyword: "pattern", params: { pattern: "^[\\w+=,.@-]{1,64}$" }, message: 'must match pattern "^[\\w+=,.@-]{1,64}$"' };
                      if (vErrors === null) {
                        vErrors = [err138];
                      } else {
                        vErrors.push(err138);
                      }
                      errors++;
                    }
                  } else {
                    const err139 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/user", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/user/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err139];
                    } else {
                      vErrors.push(err139);
                    }
                    errors++;
                  }
                }
                if (data58.secret !== void 0) {
                  let data61 = data58.secret;
                  if (typeof data61 === "string") {
                    if (!pattern12.test(data61)) {
                      const err140 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/secret", schemaPath: "#/$defs/identifier/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"' };
                      if (vErrors === null) {
                        vErrors = [err140];
                      } else {
                        vErrors.push(err140);
                      }
                      errors++;
                    }
                  } else {
                    const err141 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/secret", schemaPath: "#/$defs/identifier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err141];
                    } else {
                      vErrors.push(err141);
                    }
                    errors++;
                  }
                }
                if (data58.key_id !== void 0) {
                  let data62 = data58.key_id;
                  if (typeof data62 === "string") {
                    if (!pattern37.test(data62)) {
                      const err142 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/key_id", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/key_id/pattern", keyword: "pattern", params: { pattern: "^[A-Z0-9]{16,128}$" }, message: 'must match pattern "^[A-Z0-9]{16,128}$"' };
                      if (vErrors === null) {
                        vErrors = [err142];
                      } else {
                        vErrors.push(err142);
                      }
                      errors++;
                    }
                  } else {
                    const err143 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/key_id", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/key_id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err143];
                    } else {
                      vErrors.push(err143);
                    }
                    errors++;
                  }
                }
                if (data58.region !== void 0) {
                  let data63 = data58.region;
                  if (typeof data63 === "string") {
                    if (!pattern38.test(data63)) {
                      const err144 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/region", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/region/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9-]{1,32}$" }, message: 'must match pattern "^[a-z0-9-]{1,32}$"' };
                      if (vErrors === null) {
                        vErrors = [err144];
                      } else {
                        vErrors.push(err144);
                      }
                      errors++;
                    }
                  } else {
                    const err145 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/region", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err145];
                    } else {
                      vErrors.push(err145);
                    }
                    errors++;
                  }
                }
                if (data58.length !== void 0) {
                  let data64 = data58.length;
                  if (!(typeof data64 == "number" && (!(data64 % 1) && !isNaN(data64)) && isFinite(data64))) {
                    const err146 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/length", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/length/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                      vErrors = [err146];
                    } else {
                      vErrors.push(err146);
                    }
                    errors++;
                  }
                  if (typeof data64 == "number" && isFinite(data64)) {
                    if (data64 > 1024 || isNaN(data64)) {
                      const err147 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/length", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/length/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1024 }, message: "must be <= 1024" };
                      if (vErrors === null) {
                        vErrors = [err147];
                      } else {
                        vErrors.push(err147);
                      }
                      errors++;
                    }
                    if (data64 < 16 || isNaN(data64)) {
                      const err148 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/length", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/length/minimum", keyword: "minimum", params: { comparison: ">=", limit: 16 }, message: "must be >= 16" };
                      if (vErrors === null) {
                        vErrors = [err148];
                      } else {
                        vErrors.push(err148);
                      }
                      errors++;
                    }
                  }
                }
                if (data58.alphabet !== void 0) {
                  let data65 = data58.alphabet;
                  if (!(data65 === "alphanumeric" || data65 === "hex" || data65 === "base64url" || data65 === "printable")) {
                    const err149 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/alphabet", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/alphabet/enum", keyword: "enum", params: { allowedValues: schema31.properties.credentials.additionalProperties.properties.rotation.properties.alphabet.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err149];
                    } else {
                      vErrors.push(err149);
                    }
                    errors++;
                  }
                }
                if (data58.swap !== void 0) {
                  let data66 = data58.swap;
                  if (typeof data66 === "string") {
                    if (!pattern39.test(data66)) {
                      const err150 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/swap", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/swap/pattern", keyword: "pattern", params: { pattern: "^rot-[0-9a-f]{12}$" }, message: 'must match pattern "^rot-[0-9a-f]{12}$"' };
                      if (vErrors === null) {
                        vErrors = [err150];
                      } else {
                        vErrors.push(err150);
                      }
                      errors++;
                    }
                  } else {
                    const err151 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation/swap", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/properties/swap/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err151];
                    } else {
                      vErrors.push(err151);
                    }
                    errors++;
                  }
                }
              } else {
                const err152 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1") + "/rotation", schemaPath: "#/properties/credentials/additionalProperties/properties/rotation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err152];
                } else {
                  vErrors.push(err152);
                }
                errors++;
              }
            }
          } else {
            const err153 = { instancePath: instancePath + "/credentials/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/credentials/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err153];
            } else {
              vErrors.push(err153);
            }
            errors++;
          }
        }
      } else {
        const err154 = { instancePath: instancePath + "/credentials", schemaPath: "#/properties/credentials/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err154];
        } else {
          vErrors.push(err154);
        }
        errors++;
      }
    }
  } else {
    const err155 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err155];
    } else {
      vErrors.push(err155);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var compiledFromText = '{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://github.com/credledger/credledger/schemas/credentials.schema.json","title":"credledger inventory (version 1)","description":"A checked-in inventory of the credentials a team holds in its DocuElevate deployments: who owns each, who can read it, when it was rotated, its policy and its encrypted value.","type":"object","additionalProperties":false,"required":["version","credentials"],"properties":{"version":{"description":"Format version of this file. Only 1 exists.","const":1},"policy":{"description":"Team-wide rotation policy. Every field is optional; the built-in defaults apply where nothing is said.","type":"object","additionalProperties":false,"properties":{"intervals":{"description":"Rotation interval per credential kind, overriding the built-in default (for example `api_key: 60d`). Event-driven kinds (oauth_refresh_token, session_secret) take no interval.","type":"object","additionalProperties":false,"properties":{"api_key":{"$ref":"#/$defs/duration","description":"Interval for API keys (default 90d)."},"oauth_client_secret":{"$ref":"#/$defs/duration","description":"Interval for OAuth client secrets (default 180d)."},"password":{"$ref":"#/$defs/duration","description":"Interval for passwords, the admin password included (default 90d)."},"private_key":{"$ref":"#/$defs/duration","description":"Interval for private keys and their passphrases (default 365d)."},"service_account":{"$ref":"#/$defs/duration","description":"Interval for service-account key files (default 365d)."},"token":{"$ref":"#/$defs/duration","description":"Interval for other long-lived tokens (default 365d)."},"certificate":{"$ref":"#/$defs/duration","description":"Interval for certificates (default 365d)."}}},"due_soon":{"$ref":"#/$defs/duration","description":"How long before its due date a credential is reported `due-soon` (default 14d)."}}},"people":{"description":"Everyone who owns or can read a credential, by a short handle used in `owner` and `access`.","type":"object","propertyNames":{"$ref":"#/$defs/identifier"},"additionalProperties":{"type":"object","additionalProperties":false,"properties":{"github":{"description":"GitHub login, used to assign reminder issues.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"},"email":{"description":"Contact address (informational).","type":"string","format":"email"},"name":{"description":"Display name (informational).","type":"string"},"left":{"$ref":"#/$defs/date","description":"The date this person left (offboarding). Every credential they owned or could read and that was last rotated before this date becomes overdue."},"seal_only":{"description":"True for someone who holds no key that opens values and adds them with `credledger seal` (the recipients\' public keys) only. They never read a value from the inventory, so leaving makes due only the credentials whose `access` lists them, not those they merely own.","type":"boolean"}}}},"encryption":{"description":"Public keys that values may be sealed for (`credledger seal`, `rekey --to-sealed`). Only the matching private key (CREDLEDGER_SEALING_KEY) opens a sealed value; sealing needs no secret at all.","type":"object","additionalProperties":false,"properties":{"recipients":{"description":"Who sealed values are for, newest first: `seal` seals for the first unless told otherwise.","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["id","public_key"],"properties":{"id":{"$ref":"#/$defs/identifier","description":"The recipient\'s name, written into every value sealed for it (`sealed:<id>:\u2026`)."},"public_key":{"description":"The recipient\'s X25519 public key: 32 bytes as base64url with its `=` (`credledger keygen --sealing` prints it).","type":"string","pattern":"^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=$"}}}}}},"deployments":{"description":"The DocuElevate deployments values are pushed to, by name.","type":"object","propertyNames":{"$ref":"#/$defs/identifier"},"additionalProperties":{"type":"object","additionalProperties":false,"required":["url"],"properties":{"url":{"description":"Base URL of the deployment (the settings API lives under `<url>/api/settings`). `http://` is refused except on loopback unless apply is given --allow-insecure-http.","type":"string","format":"uri","pattern":"^https?://"},"auth":{"description":"How credledger authenticates to the settings API. Only names of environment variables appear here, never secrets. Default: `{method: none}`.","type":"object","required":["method"],"properties":{"method":{"description":"The authentication method: login, bearer, session or none.","enum":["login","bearer","session","none"]}},"discriminator":{"propertyName":"method"},"oneOf":[{"type":"object","additionalProperties":false,"required":["method","username_env","password_env"],"properties":{"method":{"const":"login","description":"Log in through DocuElevate\'s login form as its admin (session cookie + CSRF token)."},"username_env":{"$ref":"#/$defs/envName","description":"Environment variable holding the admin username."},"password_env":{"$ref":"#/$defs/envName","description":"Environment variable holding the admin password."}}},{"type":"object","additionalProperties":false,"required":["method","token_env"],"properties":{"method":{"const":"bearer","description":"Send `Authorization: Bearer <token>`. DocuElevate\'s own API tokens are not admins as of 0.188; use `login` there."},"token_env":{"$ref":"#/$defs/envName","description":"Environment variable holding the bearer token."}}},{"type":"object","additionalProperties":false,"required":["method","cookie_env"],"properties":{"method":{"const":"session","description":"Reuse an existing admin session cookie."},"cookie_env":{"$ref":"#/$defs/envName","description":"Environment variable holding the value of the `session` cookie of an admin session."}}},{"type":"object","additionalProperties":false,"required":["method"],"properties":{"method":{"const":"none","description":"Send no credentials (test servers, settings APIs without authentication)."}}}]}}}},"credentials":{"description":"Every credential, by a stable id used in plans, reminder issues and the applied state.","type":"object","propertyNames":{"$ref":"#/$defs/identifier"},"additionalProperties":{"type":"object","additionalProperties":false,"required":["setting","kind","owner"],"properties":{"setting":{"description":"The DocuElevate setting key this credential is stored under, e.g. `openai_api_key`.","type":"string","pattern":"^[a-zA-Z][a-zA-Z0-9_]{0,127}$"},"kind":{"description":"What sort of credential this is; it sets the default rotation interval.","enum":["api_key","oauth_client_secret","oauth_refresh_token","password","admin_password","session_secret","private_key","service_account","token","certificate"]},"owner":{"$ref":"#/$defs/identifier","description":"The person (a key of `people`) responsible for rotating it."},"access":{"description":"People (keys of `people`) who could read the value. When one of them leaves, the credential must be rotated.","type":"array","uniqueItems":true,"items":{"$ref":"#/$defs/identifier"}},"issuer":{"description":"Where the credential was issued, e.g. `platform.openai.com` (for runbooks and offboarding).","type":"string"},"description":{"description":"Free text about the credential.","type":"string"},"created":{"$ref":"#/$defs/date","description":"When the credential was first issued."},"rotated":{"$ref":"#/$defs/date","description":"When it was last rotated. Rotation is counted from here, or from `created` when absent."},"every":{"$ref":"#/$defs/duration","description":"Rotation interval of this credential, overriding its kind\'s. Not allowed on event-driven kinds."},"deployments":{"description":"Deployments (keys of `deployments`) that use this credential. Default: every deployment.","type":"array","uniqueItems":true,"items":{"$ref":"#/$defs/identifier"}},"value":{"$ref":"#/$defs/sealedValue","description":"The encrypted value, the same for every deployment (`credledger set` writes it)."},"values":{"description":"Encrypted values per deployment, instead of `value`.","type":"object","propertyNames":{"$ref":"#/$defs/identifier"},"additionalProperties":{"$ref":"#/$defs/sealedValue"}},"group":{"description":"Credentials that share a group (e.g. the AWS key id and secret) are pushed back to back, and reported together if one fails.","$ref":"#/$defs/identifier"},"custom":{"description":"Set to true for a setting that is not in DocuElevate\'s catalogue of sensitive settings, to silence that warning.","type":"boolean"},"compromised":{"$ref":"#/$defs/date","description":"A suspected leak on this date: the credential is overdue (critical) until rotated after it."},"incident":{"description":"What is known of the suspected leak recorded in `compromised` (`credledger revoke --reason` writes it): shown in the reminder issue and in status.","type":"string"},"revoked":{"$ref":"#/$defs/date","description":"The date it was revoked or re-authorised at its issuer (event-driven kinds): it is overdue until rotated after it."},"rotation":{"description":"How `credledger rotate` makes this credential\'s next value (docs/rotation.md). Non-secret issuer references only: the secret goes into `value`.","type":"object","additionalProperties":false,"required":["driver"],"properties":{"driver":{"description":"Which driver rotates it: `aws-iam-access-key` (an IAM user\'s access key pair), `docuelevate-admin-password` (DocuElevate\'s own admin password, swapped on apply) or `generated-secret` (a random value the team makes itself).","enum":["aws-iam-access-key","docuelevate-admin-password","generated-secret"]},"user":{"description":"aws-iam-access-key: the IAM user whose access key this is.","type":"string","pattern":"^[\\\\w+=,.@-]{1,64}$"},"secret":{"$ref":"#/$defs/identifier","description":"aws-iam-access-key: the credential (a key of `credentials`) that holds the secret access key of the same pair; this one holds the access key id."},"key_id":{"description":"aws-iam-access-key: the access key id in use, recorded by `credledger rotate` (not a secret).","type":"string","pattern":"^[A-Z0-9]{16,128}$"},"region":{"description":"aws-iam-access-key: the AWS region for STS (default us-east-1).","type":"string","pattern":"^[a-z0-9-]{1,32}$"},"length":{"description":"generated-secret, docuelevate-admin-password: how many characters the new value has (default 40).","type":"integer","minimum":16,"maximum":1024},"alphabet":{"description":"generated-secret, docuelevate-admin-password: the characters it is drawn from (default alphanumeric).","enum":["alphanumeric","hex","base64url","printable"]},"swap":{"description":"docuelevate-admin-password: a swap requested by `credledger rotate` (its rotation id). The apply after the merge mints, seals, records and pushes the new password; the value never sits in a pull request.","type":"string","pattern":"^rot-[0-9a-f]{12}$"}}}}}}},"$defs":{"identifier":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},"envName":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"date":{"description":"A UTC calendar date, YYYY-MM-DD.","type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"},"duration":{"description":"A duration in days or weeks: `90d`, `12w`.","type":"string","pattern":"^[1-9][0-9]{0,4}[dw]$"},"sealedValue":{"description":"An encrypted value: `fernet:<key id>:<Fernet token>` (under the master key) or `sealed:<recipient id>:<ephemeral public key>:<Fernet token>` (sealed for a recipient\'s public key).","type":"string"}}}';
var compiledFromValue;
function compiledFrom() {
  return compiledFromValue ??= JSON.parse(compiledFromText);
}

// src/core/inventory-schema.ts
function checkInventorySchema(data) {
  if (inventory_schema_validator_default(data)) return [];
  return dropRedundantErrors(inventory_schema_validator_default.errors ?? []).map(toFinding);
}
function dropRedundantErrors(errors) {
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((error) => {
    if (error.keyword === "oneOf" || error.keyword === "discriminator") return false;
    const signature = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}
function parsePointer(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~")).map((segment) => /^\d+$/.test(segment) ? Number(segment) : segment);
}
var FRIENDLY_PATTERNS = {
  "#/$defs/date/pattern": "must be a date written YYYY-MM-DD",
  "#/$defs/duration/pattern": "must be a duration in days or weeks, such as 90d or 12w",
  "#/$defs/identifier/pattern": "must be a name of letters, digits, '.', '_' and '-' (at most 64 characters)",
  "#/$defs/envName/pattern": "must be the name of an environment variable (letters, digits and _)"
};
function toFinding(error) {
  const path = parsePointer(error.instancePath);
  const where = path.length === 0 ? "the file" : `\`${String(path[path.length - 1])}\``;
  switch (error.keyword) {
    case "required":
      return errorAt("schema-required", path, `${where} is missing the required property \`${String(error.params.missingProperty)}\``);
    case "additionalProperties": {
      const property = String(error.params.additionalProperty);
      const hint = describeSuggestion(property, knownPropertiesAt(error.schemaPath));
      return errorAt("schema-unknown-property", [...path, property], `unknown property \`${property}\` in ${where}${hint}`, true);
    }
    case "propertyNames":
      return errorAt("schema-name", [...path, String(error.params.propertyName)], `\`${String(error.params.propertyName)}\` is not a valid name: ${FRIENDLY_PATTERNS["#/$defs/identifier/pattern"]}`, true);
    case "enum":
      return errorAt("schema-enum", path, `${where} must be one of: ${error.params.allowedValues.join(", ")}`);
    case "const":
      return errorAt("schema-const", path, `${where} must be ${JSON.stringify(error.params.allowedValue)}`);
    case "pattern": {
      const friendly = Object.entries(FRIENDLY_PATTERNS).find(([suffix]) => error.schemaPath.endsWith(suffix.slice(1)))?.[1];
      return errorAt("schema-format", path, `${where} ${friendly ?? `must match ${String(error.params.pattern)}`}`);
    }
    case "format":
      return errorAt("schema-format", path, `${where} must be a valid ${String(error.params.format)}`);
    case "type":
      return errorAt("schema-type", path, `${where} must be ${article(String(error.params.type))}`);
    case "uniqueItems":
      return errorAt("schema-duplicate-item", path, `${where} lists the same entry twice (items ${String(error.params.j)} and ${String(error.params.i)})`);
    default:
      return errorAt(`schema-${error.keyword}`, path, `${where} ${error.message ?? "is invalid"}`);
  }
}
function knownPropertiesAt(schemaPath) {
  let node = compiledFrom();
  for (const segment of parsePointer(schemaPath.replace(/^#/, "")).slice(0, -1)) {
    if (node === null || typeof node !== "object") return [];
    node = node[segment];
  }
  const properties = node !== null && typeof node === "object" ? node.properties : void 0;
  return properties !== null && typeof properties === "object" ? Object.keys(properties) : [];
}
function article(type) {
  const name = type === "object" ? "a mapping" : type === "array" ? "a list" : `a ${type}`;
  return name;
}

// src/core/inventory-reader.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function optionalString(value) {
  return typeof value === "string" ? value : void 0;
}
function optionalDate(value, dateErrors, section, id, field) {
  if (typeof value !== "string") return void 0;
  if (isCalendarDate(value)) return value;
  if (DATE_SHAPE.test(value)) dateErrors.push(errorAt("invalid-date", [section, id, field], `${value} is not a real calendar date`));
  return void 0;
}
function optionalDuration(value) {
  return typeof value === "string" ? parseDuration(value) : void 0;
}
function stringList(value) {
  if (!Array.isArray(value)) return [];
  for (const item of value) if (typeof item !== "string") return value.filter((entry) => typeof entry === "string");
  return value;
}
function readInventory(text, file) {
  const source = parseYamlSource(text, file);
  const syntax = checkYamlSyntax(source);
  if (syntax.blocking) return { source, inventory: void 0, diagnostics: syntax.diagnostics };
  if (!isRecord(syntax.data)) {
    const message = syntax.data == null ? "the inventory is empty: it must be a mapping with `version: 1` and `credentials`" : "the inventory must be a mapping (key: value), with `version: 1` and `credentials`";
    return { source, inventory: void 0, diagnostics: [...syntax.diagnostics, placeFinding(source, errorAt("not-a-mapping", [], message))] };
  }
  const dateErrors = [];
  const inventory = buildInventory(syntax.data, dateErrors);
  const findings = [...checkInventorySchema(syntax.data), ...dateErrors];
  const diagnostics = [...syntax.diagnostics, ...findings.map((finding) => placeFinding(source, finding))];
  if (syntax.diagnostics.length > 0) return { source, inventory: void 0, partial: inventory, diagnostics };
  return { source, inventory, diagnostics };
}
var DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
function buildInventory(data, dateErrors) {
  const people = /* @__PURE__ */ new Map();
  for (const [id, raw] of Object.entries(isRecord(data.people) ? data.people : {})) {
    const person = isRecord(raw) ? raw : {};
    people.set(id, {
      id,
      github: optionalString(person.github),
      email: optionalString(person.email),
      name: optionalString(person.name),
      left: optionalDate(person.left, dateErrors, "people", id, "left"),
      sealOnly: person.seal_only === true
    });
  }
  const encryption = isRecord(data.encryption) ? data.encryption : {};
  const recipients = (Array.isArray(encryption.recipients) ? encryption.recipients : []).flatMap((raw) => {
    if (!isRecord(raw) || typeof raw.id !== "string" || typeof raw.public_key !== "string") return [];
    return [{ id: raw.id, publicKey: raw.public_key }];
  });
  const deployments = /* @__PURE__ */ new Map();
  for (const [id, raw] of Object.entries(isRecord(data.deployments) ? data.deployments : {})) {
    const deployment = isRecord(raw) ? raw : {};
    deployments.set(id, { id, url: optionalString(deployment.url) ?? "", auth: buildAuth(deployment.auth) });
  }
  const allDeployments = [...deployments.keys()];
  const credentials = [];
  const credentialData = isRecord(data.credentials) ? data.credentials : {};
  for (const id of Object.keys(credentialData)) {
    const raw = credentialData[id];
    const credential = isRecord(raw) ? raw : {};
    const listed = Array.isArray(credential.deployments);
    const kind = CREDENTIAL_KINDS.includes(credential.kind) ? credential.kind : "token";
    credentials.push({
      id,
      setting: optionalString(credential.setting) ?? "",
      kind,
      owner: optionalString(credential.owner) ?? "",
      access: stringList(credential.access),
      issuer: optionalString(credential.issuer),
      description: optionalString(credential.description),
      created: optionalDate(credential.created, dateErrors, "credentials", id, "created"),
      rotated: optionalDate(credential.rotated, dateErrors, "credentials", id, "rotated"),
      every: optionalDuration(credential.every),
      deployments: listed ? stringList(credential.deployments) : allDeployments,
      deploymentsListed: listed,
      value: optionalString(credential.value),
      values: isRecord(credential.values) ? recordWithoutPrototype(Object.entries(credential.values).filter((entry) => typeof entry[1] === "string")) : void 0,
      group: optionalString(credential.group),
      custom: credential.custom === true,
      compromised: optionalDate(credential.compromised, dateErrors, "credentials", id, "compromised"),
      incident: optionalString(credential.incident),
      revoked: optionalDate(credential.revoked, dateErrors, "credentials", id, "revoked"),
      rotation: buildRotation(credential.rotation)
    });
  }
  const policy = isRecord(data.policy) ? data.policy : {};
  const intervals = recordWithoutPrototype([]);
  for (const [kind, text] of Object.entries(isRecord(policy.intervals) ? policy.intervals : {})) {
    const duration = optionalDuration(text);
    if (duration && CREDENTIAL_KINDS.includes(kind)) intervals[kind] = duration;
  }
  return { version: 1, policy: { intervals, dueSoon: optionalDuration(policy.due_soon) }, people, recipients, deployments, credentials };
}
function buildRotation(raw) {
  if (!isRecord(raw) || !ROTATION_DRIVERS.includes(raw.driver)) return void 0;
  return {
    driver: raw.driver,
    user: optionalString(raw.user),
    secret: optionalString(raw.secret),
    keyId: optionalString(raw.key_id),
    region: optionalString(raw.region),
    length: typeof raw.length === "number" && Number.isInteger(raw.length) ? raw.length : void 0,
    alphabet: GENERATED_ALPHABETS.includes(raw.alphabet) ? raw.alphabet : void 0,
    swap: optionalString(raw.swap)
  };
}
function buildAuth(raw) {
  if (!isRecord(raw)) return { method: "none" };
  switch (raw.method) {
    case "login":
      return { method: "login", usernameEnv: optionalString(raw.username_env) ?? "", passwordEnv: optionalString(raw.password_env) ?? "" };
    case "bearer":
      return { method: "bearer", tokenEnv: optionalString(raw.token_env) ?? "" };
    case "session":
      return { method: "session", cookieEnv: optionalString(raw.cookie_env) ?? "" };
    default:
      return { method: "none" };
  }
}

// src/core/public-demo-key.ts
var PUBLIC_DEMO_KEY_ID = "175365ad";
function listDemoKeyValues(inventory) {
  return listSealedValues(inventory).filter((entry) => entry.parts?.kind === "fernet" && entry.parts.keyId === PUBLIC_DEMO_KEY_ID);
}
function describeValuePlace(entry) {
  return entry.place.deployment === void 0 ? entry.place.credentialId : `${entry.place.credentialId}/${entry.place.deployment}`;
}
function describeDemoKeyValues(entries, shown = 6) {
  const places = entries.slice(0, shown).map((entry) => typeof entry === "string" ? entry : describeValuePlace(entry));
  const listed = entries.length > shown ? `${places.join(", ")} and ${entries.length - shown} more` : places.join(", ");
  const count = entries.length === 1 ? "1 value is" : `${entries.length} values are`;
  return `${count} sealed under the public demo key ${PUBLIC_DEMO_KEY_ID} (examples/demo.key), which anyone can read: ${listed}; they are examples, not secrets: store real values under your own key with \`credledger set <id> --value-stdin\``;
}

// src/core/inventory-rules.ts
function eachCredential(check) {
  return (inventory, context) => {
    const findings = [];
    for (const credential of inventory.credentials) check(credential, findings, inventory, context);
    return findings;
  };
}
var knownPeople = eachCredential((credential, findings, inventory) => {
  if (credential.owner === OWNER_PLACEHOLDER && !inventory.people.has(credential.owner)) {
    findings.push(errorAt("owner-placeholder", ["credentials", credential.id, "owner"], `the owner is still the placeholder \`credledger init\` wrote: name the person (a key of \`people\`) who rotates it`));
  } else if (credential.owner && !inventory.people.has(credential.owner)) {
    const hint = describeSuggestion(credential.owner, inventory.people.keys());
    findings.push(errorAt("unknown-person", ["credentials", credential.id, "owner"], `owner \`${credential.owner}\` is not listed under \`people\`${hint}`));
  }
  const { access } = credential;
  for (let index = 0; index < access.length; index += 1) {
    const person = access[index];
    if (!inventory.people.has(person)) {
      const hint = describeSuggestion(person, inventory.people.keys());
      findings.push(errorAt("unknown-person", ["credentials", credential.id, "access", index], `\`${person}\` in access is not listed under \`people\`${hint}`));
    }
  }
});
var knownDeployments = eachCredential((credential, findings, inventory) => {
  if (credential.deploymentsListed) {
    credential.deployments.forEach((deployment, index) => {
      if (!inventory.deployments.has(deployment)) {
        const hint = describeSuggestion(deployment, inventory.deployments.keys());
        findings.push(errorAt("unknown-deployment", ["credentials", credential.id, "deployments", index], `deployment \`${deployment}\` is not listed under \`deployments\`${hint}`));
      }
    });
  }
  if (credential.values === void 0) return;
  for (const deployment of Object.keys(credential.values)) {
    const path = ["credentials", credential.id, "values", deployment];
    if (!inventory.deployments.has(deployment)) {
      findings.push(errorAt("unknown-deployment", path, `deployment \`${deployment}\` is not listed under \`deployments\``, true));
    } else if (!credential.deployments.includes(deployment)) {
      findings.push(warningAt("value-for-unused-deployment", path, `a value for \`${deployment}\`, which this credential is not pushed to`, true));
    }
  }
});
var oneValueForm = eachCredential((credential, findings, inventory) => {
  if (credential.values === void 0) return;
  if (credential.value !== void 0) {
    findings.push(errorAt("value-and-values", ["credentials", credential.id, "values"], "give either `value` (every deployment) or `values` (per deployment), not both", true));
    return;
  }
  for (const deployment of credential.deployments) {
    if (inventory.deployments.has(deployment) && ownValue(credential.values, deployment) === void 0) {
      findings.push(warningAt("missing-deployment-value", ["credentials", credential.id, "values"], `no value for deployment \`${deployment}\`: apply leaves its setting alone`, true));
    }
  }
});
var oneCredentialPerSetting = (inventory) => {
  const claimed = /* @__PURE__ */ new Map();
  const findings = [];
  for (const credential of inventory.credentials) {
    if (!credential.setting) continue;
    for (const deployment of credential.deployments) {
      let holders = claimed.get(deployment);
      if (holders === void 0) claimed.set(deployment, holders = /* @__PURE__ */ new Map());
      const holder = holders.get(credential.setting);
      if (holder === void 0) holders.set(credential.setting, credential.id);
      else
        findings.push(
          errorAt("duplicate-setting", ["credentials", credential.id, "setting"], `\`${credential.setting}\` on \`${deployment}\` is already held by credential \`${holder}\``)
        );
    }
  }
  return findings;
};
var knownSettings = eachCredential((credential, findings) => {
  if (!credential.setting) return;
  const setting = findSetting(credential.setting);
  if (setting?.environmentOnly) {
    findings.push(errorAt("environment-only-setting", ["credentials", credential.id, "setting"], `\`${credential.setting}\` can only be set in the deployment's environment; DocuElevate's settings API refuses it`));
  } else if (!setting && !credential.custom) {
    findings.push(warningAt("unknown-setting", ["credentials", credential.id, "setting"], `\`${credential.setting}\` is not one of DocuElevate's sensitive settings; add \`custom: true\` if that is intended`));
  }
});
var sessionSecretFromEnvironment = eachCredential((credential, findings) => {
  if (credential.setting !== SESSION_SECRET_SETTING || credential.value === void 0 && credential.values === void 0) return;
  const field = credential.value === void 0 ? "values" : "value";
  findings.push(
    warningAt(
      "session-secret-value",
      ["credentials", credential.id, field],
      `${SESSION_SECRET_IGNORED}, so apply's push of this value changes nothing. Track it without a value; to rotate it, ${describeSessionSecretRotation()}`,
      true
    )
  );
});
var consistentDates = eachCredential((credential, findings, _inventory, { today }) => {
  if (credential.created && credential.rotated && credential.rotated < credential.created) {
    findings.push(errorAt("rotated-before-created", ["credentials", credential.id, "rotated"], `rotated ${credential.rotated} is before created ${credential.created}`));
  }
  const { created, rotated, compromised, revoked } = credential;
  if (!(created !== void 0 && created > today || rotated !== void 0 && rotated > today || compromised !== void 0 && compromised > today || revoked !== void 0 && revoked > today)) return;
  for (const field of CREDENTIAL_DATE_FIELDS) {
    const date = credential[field];
    if (date && date > today) findings.push(errorAt("date-in-future", ["credentials", credential.id, field], `${field} ${date} is after today (${today})`));
  }
});
var intervalsOnlyForScheduledKinds = (inventory) => inventory.credentials.filter((credential) => credential.every && isEventDrivenKind(credential.kind)).map(
  (credential) => errorAt("every-on-event-driven-kind", ["credentials", credential.id, "every"], `a ${credential.kind} is rotated on events (revocation, compromise), not on a schedule: remove \`every\``)
);
var ownersStillHere = eachCredential((credential, findings, inventory, { today }) => {
  const left = inventory.people.get(credential.owner)?.left;
  if (!left || left > today) return;
  findings.push(warningAt("owner-has-left", ["credentials", credential.id, "owner"], `owner \`${credential.owner}\` left on ${left}: hand the credential to someone who is still here`));
});
function plaintextFinding(entry) {
  const looksLike = describePlaintext(entry.sealed);
  const place = entry.place.deployment === void 0 ? "" : ` --deployment ${entry.place.deployment}`;
  return errorAt(
    "plaintext-value",
    [...entry.path],
    `this value is not encrypted${looksLike ? ` (it looks like ${looksLike})` : ""}: rotate it (it may already be in git history), and store the new one with \`credledger set ${entry.place.credentialId}${place} --value-stdin\`, which replaces this line`
  );
}
var valuesEncrypted = (inventory) => {
  const findings = [];
  for (const entry of listSealedValues(inventory)) if (entry.parts === void 0) findings.push(plaintextFinding(entry));
  return findings;
};
var noPublicDemoKey = (inventory) => {
  const entries = listDemoKeyValues(inventory);
  const [first] = entries;
  return first === void 0 ? [] : [warningAt("demo-key-value", first.path, describeDemoKeyValues(entries))];
};
var sealedForKnownRecipients = (inventory) => {
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  (inventory.recipients ?? []).forEach((recipient, index) => {
    if (seen.has(recipient.id)) {
      findings.push(errorAt("duplicate-recipient", ["encryption", "recipients", index, "id"], `recipient \`${recipient.id}\` is listed more than once`));
    }
    seen.add(recipient.id);
  });
  for (const entry of listSealedValues(inventory)) {
    const { parts } = entry;
    if (parts?.kind !== "sealed" || seen.has(parts.recipientId)) continue;
    const listed = seen.size === 0 ? "none is listed" : `it lists ${[...seen].join(", ")}`;
    findings.push(
      errorAt(
        "unknown-recipient",
        entry.path,
        `this value is sealed for recipient \`${parts.recipientId}\`, which encryption.recipients does not list (${listed}): add its public key back, or re-seal with \`credledger rekey --to-sealed\``
      )
    );
  }
  return findings;
};
var groupsShareDeployments = (inventory) => {
  const groups = /* @__PURE__ */ new Map();
  for (const credential of inventory.credentials) {
    if (!credential.group) continue;
    const members = groups.get(credential.group);
    if (members) members.push(credential);
    else groups.set(credential.group, [credential]);
  }
  const findings = [];
  for (const [group, members] of groups) {
    const [first, ...rest] = members;
    if (!first) continue;
    const expected = [...first.deployments].sort().join(",");
    for (const member of rest) {
      if ([...member.deployments].sort().join(",") !== expected) {
        findings.push(
          errorAt("group-deployments-differ", ["credentials", member.id, "group"], `group \`${group}\`: \`${member.id}\` goes to [${member.deployments.join(", ")}] but \`${first.id}\` to [${first.deployments.join(", ")}]; members are pushed together`)
        );
      }
    }
  }
  return findings;
};
var ROTATION_FIELDS = {
  "aws-iam-access-key": ["driver", "user", "secret", "key_id", "region"],
  "generated-secret": ["driver", "length", "alphabet"],
  "docuelevate-admin-password": ["driver", "length", "alphabet", "swap"]
};
var rotationsComplete = eachCredential((credential, findings, inventory) => {
  const spec = credential.rotation;
  if (spec === void 0) return;
  const path = (field) => ["credentials", credential.id, "rotation", ...field === void 0 ? [] : [field]];
  const given = { user: spec.user, secret: spec.secret, key_id: spec.keyId, region: spec.region, length: spec.length, alphabet: spec.alphabet, swap: spec.swap };
  const allowed = ROTATION_FIELDS[spec.driver] ?? [];
  for (const [field, value] of Object.entries(given)) {
    if (value !== void 0 && !allowed.includes(field)) findings.push(errorAt("rotation-field", path(field), `\`${field}\` means nothing to the ${spec.driver} driver (it reads ${allowed.filter((name) => name !== "driver").join(", ")})`, true));
  }
  if (credential.values !== void 0) {
    findings.push(errorAt("rotation-per-deployment", path(), "rotate writes one value for every deployment: a credential with `values` per deployment is rotated with `credledger set`", true));
  }
  if (spec.swap !== void 0 && spec.driver === "docuelevate-admin-password") {
    if (credential.setting !== "admin_password") {
      findings.push(errorAt("rotation-swap", path("swap"), `a swap rotates DocuElevate's admin_password; \`${credential.id}\` holds \`${credential.setting}\``, true));
    }
    if (credential.value === void 0) {
      findings.push(errorAt("rotation-swap", path("swap"), "a swap replaces the credential's `value`: set one first (`credledger set`)", true));
    }
  }
  if (spec.driver === "aws-iam-access-key") {
    if (spec.user === void 0) findings.push(errorAt("rotation-incomplete", path(), "the aws-iam-access-key driver needs `user`: the IAM user whose access key this is", true));
    if (spec.secret === void 0) {
      findings.push(errorAt("rotation-incomplete", path(), "the aws-iam-access-key driver needs `secret`: the credential holding the secret access key of the pair", true));
    } else {
      const partner = findCredential(inventory, spec.secret);
      if (partner === void 0) findings.push(errorAt("rotation-unknown-credential", path("secret"), `no credential \`${spec.secret}\` holds the secret access key`));
      else if (partner.id === credential.id) findings.push(errorAt("rotation-unknown-credential", path("secret"), "the secret access key is another credential than the key id"));
      else if (credential.group === void 0 || partner.group !== credential.group) {
        findings.push(errorAt("rotation-group", path("secret"), `the key id and \`${partner.id}\` must share a \`group\`, so apply pushes the pair back to back`));
      }
    }
  }
});
var urlsWithoutCredentials = (inventory) => [...inventory.deployments.values()].filter((deployment) => credentialsInUrl(deployment.url).length > 0).map(
  (deployment) => (
    // The message never repeats the URL: it holds the password.
    errorAt(
      "url-has-credentials",
      ["deployments", deployment.id, "url"],
      `the URL of deployment \`${deployment.id}\` carries a user name or password: name environment variables under \`auth\` instead, and change that password (it is in git now)`
    )
  )
);
var MAX_CREDENTIALS = 1e5;
var boundedSize = (inventory) => inventory.credentials.length > MAX_CREDENTIALS ? [errorAt("too-many-credentials", ["credentials"], `${inventory.credentials.length} credentials; an inventory holds at most ${MAX_CREDENTIALS}: split it into one file per team or environment`)] : [];
var INVENTORY_RULES = [
  boundedSize,
  urlsWithoutCredentials,
  knownPeople,
  knownDeployments,
  oneValueForm,
  oneCredentialPerSetting,
  knownSettings,
  sessionSecretFromEnvironment,
  consistentDates,
  intervalsOnlyForScheduledKinds,
  ownersStillHere,
  valuesEncrypted,
  noPublicDemoKey,
  sealedForKnownRecipients,
  groupsShareDeployments,
  rotationsComplete
];
var WARNING_ONLY_RULES = /* @__PURE__ */ new Set([sessionSecretFromEnvironment, ownersStillHere, noPublicDemoKey]);
var ERROR_RULES = INVENTORY_RULES.filter((rule) => !WARNING_ONLY_RULES.has(rule));
function inventoryRuleFindings(inventory, context) {
  const byRule = /* @__PURE__ */ new Map();
  const findingsOf = (rule) => {
    let findings = byRule.get(rule);
    if (findings === void 0) byRule.set(rule, findings = rule(inventory, context));
    return findings;
  };
  const collect = (rules) => {
    const findings = [];
    for (const rule of rules) for (const finding of findingsOf(rule)) findings.push(finding);
    return findings;
  };
  return {
    ofErrorRules: () => collect(ERROR_RULES),
    all: () => collect(INVENTORY_RULES)
  };
}

// src/core/inventory-validation.ts
function checkInventoryText(text, file, today) {
  const read = readInventory(text, file);
  const model = read.inventory ?? read.partial;
  const rules = model ? inventoryRuleFindings(model, { today }) : void 0;
  const assemble = (findings, keep) => model ? sortDiagnostics([...read.diagnostics.filter(keep), ...findings.filter(keep).map((finding) => placeFinding(read.source, finding))]) : read.diagnostics.filter(keep);
  let diagnostics;
  let errors;
  return {
    source: read.source,
    inventory: read.inventory,
    get diagnostics() {
      return diagnostics ??= assemble(rules?.all() ?? [], () => true);
    },
    get errors() {
      return errors ??= diagnostics?.filter(isError) ?? assemble(rules?.ofErrorRules() ?? [], isError);
    }
  };
}

export {
  readInventory,
  listDemoKeyValues,
  describeValuePlace,
  describeDemoKeyValues,
  checkInventoryText
};
