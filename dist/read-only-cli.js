import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);
import {
  YamlDocumentNeeded,
  __commonJS,
  __toESM,
  checkYamlSyntax,
  errorAt,
  hasErrors,
  isError,
  leadingSpaces,
  parseYamlSource,
  placeFinding,
  sortDiagnostics,
  warningAt
} from "./chunks/chunk-3ZO7VXL3.js";

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

// node_modules/fastest-levenshtein/mod.js
var require_mod = __commonJS({
  "node_modules/fastest-levenshtein/mod.js"(exports) {
    "use strict";
    exports.__esModule = true;
    exports.distance = exports.closest = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= (eq & pv) + pv ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
      }
      i = n;
      while (i--) {
        peq[a.charCodeAt(i)] = 0;
      }
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
          var eq = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq | mv_1;
          var xh = ((eq | mb) & pv_1) + pv_1 ^ pv_1 | eq | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) {
            phc[i / 32 | 0] ^= 1 << i;
          }
          if (mh >>> 31 ^ mb) {
            mhc[i / 32 | 0] ^= 1 << i;
          }
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] = 0;
        }
      }
      var mv = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
      }
      var score = m;
      for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = phc[i / 32 | 0] >>> i & 1;
        var mb = mhc[i / 32 | 0] >>> i & 1;
        var xv = eq | mv;
        var xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) {
          phc[i / 32 | 0] ^= 1 << i;
        }
        if (mh >>> 31 ^ mb) {
          mhc[i / 32 | 0] ^= 1 << i;
        }
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
      }
      return score;
    };
    var distance2 = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) {
        return a.length;
      }
      if (a.length <= 32) {
        return myers_32(a, b);
      }
      return myers_x(a, b);
    };
    exports.distance = distance2;
    var closest = function(str, arr) {
      var min_distance = Infinity;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance2(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    exports.closest = closest;
  }
});

// src/core/render-diagnostics.ts
var PLAIN_STYLE = { error: (t) => t, warning: (t) => t, dim: (t) => t, bold: (t) => t };
var SHOWN_KEYS = /* @__PURE__ */ new Set([
  "version",
  "policy",
  "intervals",
  "due_soon",
  "people",
  "deployments",
  "credentials",
  "setting",
  "kind",
  "owner",
  "access",
  "issuer",
  "description",
  "created",
  "rotated",
  "every",
  "group",
  "custom",
  "compromised",
  "revoked",
  "left",
  "github",
  "email",
  "name",
  "url",
  "auth",
  "method",
  "username_env",
  "password_env",
  "token_env",
  "cookie_env",
  "api_key",
  "oauth_client_secret",
  "password",
  "admin_password",
  "private_key",
  "service_account",
  "token",
  "certificate"
]);
var KEYED_LINE = /^(\s*(?:-\s+)?)("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)(\s*:)(\s.*|)$/;
var REDACTED = "[redacted]";
var KIND_KEYS = /* @__PURE__ */ new Set(["api_key", "oauth_client_secret", "password", "admin_password", "private_key", "service_account", "token", "certificate"]);
var PERIOD = /^["']?\d{1,5}\s*(d|w|m|y|days?|weeks?|months?|years?)["']?\s*(#.*)?$/i;
var FLOW_SHOWN_KEYS = /* @__PURE__ */ new Set(["github", "email", "name", "left", "url", "method", "username_env", "password_env", "token_env", "cookie_env", "setting", "kind", "owner", "every", "created", "rotated", "issuer", "group"]);
var NAME_PARENTS = /* @__PURE__ */ new Set(["credentials", "people", "deployments", "intervals", "due_soon", "values"]);
var LIST_PARENTS = /* @__PURE__ */ new Set(["access", "deployments"]);
var AUTH_SHOWN_KEYS = /* @__PURE__ */ new Set(["method", "username_env", "password_env", "token_env", "cookie_env"]);
function keyOf(line) {
  const match = KEYED_LINE.exec(line);
  return match ? (match[2] ?? "").replace(/^["']|["']$/g, "").trim() : void 0;
}
function parentKeysOf(context) {
  const keys = [];
  if (leadingSpaces(context.lines.line(context.index) ?? "") === 0) return keys;
  for (let index = context.lines.parentOf(context.index); index >= 0; index = context.lines.parentOf(index)) {
    const line = context.lines.line(index) ?? "";
    keys.push(keyOf(line) ?? "-");
    if (leadingSpaces(line) === 0) break;
  }
  return keys;
}
function isShownFlowMapping(content) {
  if (!/^\{[^{}[\]]*\}\s*(#.*)?$/.test(content)) return false;
  const pairs = content.replace(/\s*(#.*)?$/, "").slice(1, -1).split(",").map((pair) => pair.trim()).filter(Boolean);
  return pairs.every((pair) => {
    const key = /^["']?([A-Za-z_]+)["']?\s*:/.exec(pair)?.[1];
    return key !== void 0 && FLOW_SHOWN_KEYS.has(key);
  });
}
function withoutUrlCredentials(line) {
  return line.replace(/([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/\s'"@]*@/g, `$1${REDACTED}@`);
}
function redactSourceLine(line, context) {
  const parents = context === void 0 ? void 0 : parentKeysOf(context);
  const indentText = /^\s*/.exec(line)?.[0] ?? "";
  const whole = `${indentText}${REDACTED}`;
  const underValue = parents !== void 0 && (parents.slice(1).some((key2) => key2 === "value" || key2 === "values") || parents[0] === "value");
  const underAuth = parents !== void 0 && (parents[0] === "auth" || parents.slice(1).includes("auth"));
  if (line.trim() === "" || /^\s*#/.test(line)) return line;
  const listItem = /^\s*-\s*([A-Za-z0-9_.-]*)\s*$/.exec(line);
  if (listItem) return parents === void 0 || LIST_PARENTS.has(parents[0] ?? "") && !underValue && !underAuth ? line : whole;
  const match = KEYED_LINE.exec(line);
  if (!match) return whole;
  if (underValue || underAuth && parents?.[0] !== "auth") return whole;
  const [, indent = "", rawKey = "", colon = "", rest = ""] = match;
  const key = rawKey.replace(/^["']|["']$/g, "").trim();
  const content = rest.trim();
  const keyOnly = `${indent}${rawKey}${colon} ${REDACTED}`;
  if (parents !== void 0 && !SHOWN_KEYS.has(key) && key !== "value" && key !== "values" && !NAME_PARENTS.has(parents[0] ?? "") && !(parents[0] === "auth" && AUTH_SHOWN_KEYS.has(key))) return whole;
  if (/^\s*-/.test(line) && parents !== void 0 && !LIST_PARENTS.has(parents[0] ?? "")) return whole;
  if (content === "" || content.startsWith("#")) return line;
  if (parents?.[0] === "auth") return AUTH_SHOWN_KEYS.has(key) ? line : keyOnly;
  if (parents?.[0] === "values") return keyOnly;
  if (/\bvalues?\b/.test(content)) return keyOnly;
  if (KIND_KEYS.has(key)) return (parents === void 0 ? PERIOD.test(content) : parents[0] === "intervals" || parents[0] === "due_soon") && PERIOD.test(content) ? line : keyOnly;
  const flow = content.startsWith("{") || content.startsWith("[");
  if (flow && content.startsWith("{")) return isShownFlowMapping(content) ? withoutUrlCredentials(line) : keyOnly;
  if (flow) return (key === "access" || key === "deployments") && /^\[[A-Za-z0-9_.,\s-]*\]\s*(#.*)?$/.test(content) ? line : keyOnly;
  if (SHOWN_KEYS.has(key)) return key === "url" ? withoutUrlCredentials(line) : line;
  return keyOnly;
}
function renderDiagnosticsText(diagnostics, sourceLines, style = PLAIN_STYLE) {
  const blocks = diagnostics.map((diagnostic) => {
    const label = diagnostic.severity === "error" ? style.error("error") : style.warning("warning");
    const head = `${style.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: ${label} ${style.dim(`[${diagnostic.code}]`)} ${diagnostic.message}`;
    const original = sourceLines?.line(diagnostic.line - 1);
    if (sourceLines === void 0 || original === void 0) return head;
    const line = redactSourceLine(original, { lines: sourceLines, index: diagnostic.line - 1 });
    const gutter = String(diagnostic.line).padStart(4);
    const redacted = line !== original;
    const column = Math.min(diagnostic.column, line.length + 1);
    const width = redacted ? REDACTED.length : diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? Math.max(1, diagnostic.endColumn - diagnostic.column) : 1;
    const caretColumn = redacted && diagnostic.column > line.length - REDACTED.length ? line.length - REDACTED.length + 1 : column;
    const caret = `${" ".repeat(Math.max(0, caretColumn - 1))}${"^".repeat(Math.min(width, 60))}`;
    return `${head}
${style.dim(`${gutter} | `)}${line}
${style.dim(`${" ".repeat(gutter.length)} | `)}${diagnostic.severity === "error" ? style.error(caret) : style.warning(caret)}`;
  });
  return blocks.join("\n\n");
}
function summariseDiagnostics(diagnostics) {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
function escapeCommandData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeCommandProperty(text) {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function renderDiagnosticsGitHub(diagnostics) {
  return diagnostics.map((diagnostic) => {
    const properties = [
      `file=${escapeCommandProperty(diagnostic.file)}`,
      `line=${diagnostic.line}`,
      `col=${diagnostic.column}`,
      ...diagnostic.endLine ? [`endLine=${diagnostic.endLine}`] : [],
      ...diagnostic.endLine === diagnostic.line && diagnostic.endColumn ? [`endColumn=${diagnostic.endColumn}`] : [],
      `title=${escapeCommandProperty(diagnostic.code)}`
    ].join(",");
    return `::${diagnostic.severity} ${properties}::${escapeCommandData(diagnostic.message)}`;
  }).join("\n");
}

// src/cli/cli-io.ts
function processIo() {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, now: () => /* @__PURE__ */ new Date() };
}
var ANSI = (open2, close) => (text) => `\x1B[${open2}m${text}\x1B[${close}m`;
function styleFor(stream, env) {
  const forced = env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0";
  const wanted = forced || stream.isTTY === true && env.NO_COLOR === void 0 && env.FORCE_COLOR !== "0" && env.TERM !== "dumb";
  if (!wanted || env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return PLAIN_STYLE;
  return { error: ANSI(31, 39), warning: ANSI(33, 39), dim: ANSI(2, 22), bold: ANSI(1, 22) };
}

// src/cli/command-summaries.ts
var COMMAND_SUMMARIES = {
  init: "write a starting credentials.yaml: from the settings catalogue, or from what a deployment has configured",
  validate: "check the inventory: YAML, schema and rules, every problem with file:line:col",
  status: "rotation state of every credential on every deployment: ok, due-soon, overdue, unknown",
  plan: "what a change to the inventory does: changes per credential, set/delete per deployment (works without the key)",
  apply: "push changed values to each deployment's settings API, verified and recorded",
  audit: "compare what each deployment holds with the inventory: untracked, mismatches, changes made outside it",
  remind: "open, update and close one GitHub issue per credential that is due soon or overdue",
  rotate: "create a new credential at its issuer and open the pull request; --finish retires the old one on evidence",
  onboard: "add a person to the inventory and list the credentials that exist, per deployment and category",
  offboard: "record that someone left; list what to rotate, hand over and revoke at each issuer",
  revoke: "a suspected leak: record it (critical until rotated) and print the emergency checklist",
  keygen: "make a new master key, or with --sealing a key pair for sealed values: the secret on stdout",
  set: "store a new value for a credential (a rotation): encrypted, with today as `rotated`",
  seal: "store a new value sealed for the inventory's public key (needs no secret): a rotation",
  rekey: "move every value to the first key of the ring (after a new master key)",
  reveal: "break-glass: print one decrypted value (asks first; --yes to skip)",
  demo: "the whole flow on the bundled example, against two local DocuElevate-compatible servers (`npm start`)"
};

// src/core/identifier-order.ts
var IDENTIFIER_TEXT = /^[A-Za-z0-9_.-]*$/;
var UPPERCASE = /[A-Z]/;
var OWN_KEY_TEXT = /^[a-z0-9.-]*$/;
var rootCollator;
function identifierSortKey(text) {
  if (OWN_KEY_TEXT.test(text)) return text;
  if (!IDENTIFIER_TEXT.test(text)) return void 0;
  const primary = text.toLowerCase().replaceAll("_", ",");
  if (!UPPERCASE.test(text)) return primary;
  let tertiary = "";
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    tertiary += code >= 65 && code <= 90 ? "1" : "0";
  }
  return `${primary}\0${tertiary}`;
}
function sortableIdentifier(text) {
  return { text, key: identifierSortKey(text) };
}
function compareIdentifierSortables(a, b) {
  if (a.key !== void 0 && b.key !== void 0) return compareText(a.key, b.key);
  return a.text === b.text ? 0 : (rootCollator ??= new Intl.Collator("und")).compare(a.text, b.text);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/own-property.ts
function ownValue(table, key) {
  return table !== void 0 && Object.hasOwn(table, key) ? table[key] : void 0;
}
function recordWithoutPrototype(entries) {
  const record = /* @__PURE__ */ Object.create(null);
  for (const [key, value] of entries) record[key] = value;
  return record;
}

// src/core/sealed-value-format.ts
var FERNET_PREFIX = "fernet:";
var FERNET_KEY_ID_LENGTH = 8;
var FERNET_VALUE_PATTERN = /^fernet:[0-9a-f]{8}:[A-Za-z0-9_-]{20,}={0,2}$/;
var SEALED_VALUE_PATTERN = /^sealed:([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]=):([A-Za-z0-9_-]{20,}={0,2})$/;
function parseSealedValueText(text) {
  const known = SPLIT_VALUES.get(text);
  if (known !== void 0) return known ?? void 0;
  const parts = splitSealedValueText(text);
  if (SPLIT_VALUES.size >= 2e5) SPLIT_VALUES.clear();
  SPLIT_VALUES.set(text, parts ?? null);
  return parts;
}
var SPLIT_VALUES = /* @__PURE__ */ new Map();
function splitSealedValueText(text) {
  if (FERNET_VALUE_PATTERN.test(text)) {
    const keyIdEnd = FERNET_PREFIX.length + FERNET_KEY_ID_LENGTH;
    return { kind: "fernet", keyId: text.slice(FERNET_PREFIX.length, keyIdEnd), token: text.slice(keyIdEnd + 1) };
  }
  const sealed = SEALED_VALUE_PATTERN.exec(text);
  if (sealed) {
    const recipientId = sealed[1];
    return { kind: "sealed", recipientId, keyId: `sealed:${recipientId}`, ephemeralPublicKey: sealed[2], token: sealed[3] };
  }
  return void 0;
}
function describeValueKey(keyId2) {
  return keyId2.startsWith("sealed:") ? `recipient ${keyId2.slice("sealed:".length)}` : `key ${keyId2}`;
}
var PLAINTEXT_HINTS = [
  [/^sealed:/, "a damaged sealed value: the form is sealed:<recipient-id>:<ephemeral-public-key>:<token>"],
  [/^fernet:/, "a damaged encrypted value: the form is fernet:<key-id>:<token>"],
  [/^sk-/, "an OpenAI-style API key"],
  [/^(AKIA|ASIA)[A-Z0-9]{12,}/, "an AWS access key id"],
  [/^gh[pousr]_/, "a GitHub token"],
  [/^xox[abposr]-/, "a Slack token"],
  [/^-----BEGIN /, "a PEM key or certificate"],
  [/^enc:/, "a DocuElevate database value (enc:\u2026), encrypted under the deployment's SESSION_SECRET, not credledger's key"],
  [/^\s*\{/, "a JSON document"]
];
function describePlaintext(text) {
  return PLAINTEXT_HINTS.find(([pattern]) => pattern.test(text))?.[1];
}

// src/core/inventory.ts
var CREDENTIAL_KINDS = [
  "api_key",
  "oauth_client_secret",
  "oauth_refresh_token",
  "password",
  "admin_password",
  "session_secret",
  "private_key",
  "service_account",
  "token",
  "certificate"
];
var ROTATION_DRIVERS = ["aws-iam-access-key", "docuelevate-admin-password", "generated-secret"];
var GENERATED_ALPHABETS = ["alphanumeric", "hex", "base64url", "printable"];
var CREDENTIAL_DATE_FIELDS = ["created", "rotated", "compromised", "revoked"];
function listSealedValues(inventory) {
  const known = SEALED_VALUES.get(inventory.credentials);
  if (known !== void 0) return known;
  const entries = [];
  for (const credential of inventory.credentials) {
    const { value, values } = credential;
    if (value !== void 0) {
      entries.push({ place: { credentialId: credential.id }, sealed: value, path: ["credentials", credential.id, "value"], parts: splitSealedValueText(value) });
    }
    if (values === void 0) continue;
    for (const [deployment, sealed] of Object.entries(values)) {
      entries.push({ place: { credentialId: credential.id, deployment }, sealed, path: ["credentials", credential.id, "values", deployment], parts: splitSealedValueText(sealed) });
    }
  }
  SEALED_VALUES.set(inventory.credentials, entries);
  return entries;
}
function findCredential(inventory, id) {
  let byId = CREDENTIALS_BY_ID.get(inventory.credentials);
  if (byId === void 0) {
    byId = /* @__PURE__ */ new Map();
    for (const credential of inventory.credentials) if (!byId.has(credential.id)) byId.set(credential.id, credential);
    CREDENTIALS_BY_ID.set(inventory.credentials, byId);
  }
  return byId.get(id);
}
var CREDENTIALS_BY_ID = /* @__PURE__ */ new WeakMap();
var SEALED_VALUES = /* @__PURE__ */ new WeakMap();
function listValuePlaces(inventory) {
  return inventory.credentials.flatMap((credential) => {
    const deployments = /* @__PURE__ */ new Set([...inventory.deployments.keys(), ...credential.deployments, ...Object.keys(credential.values ?? {})]);
    return [{ credentialId: credential.id }, ...[...deployments].map((deployment) => ({ credentialId: credential.id, deployment }))];
  });
}
function couldReadValues(person) {
  return person.sealOnly !== true;
}
function couldKnowValue(person, credential) {
  if (credential.access.includes(person.id)) return true;
  return credential.owner === person.id && couldReadValues(person);
}
function listSealOnlyPeople(inventory) {
  return [...inventory.people.values()].filter((person) => !couldReadValues(person)).map((person) => person.id);
}
function describeSealOnlyPeople(inventory) {
  const ids = listSealOnlyPeople(inventory);
  if (ids.length === 0) return void 0;
  const who = ids.map((id) => `\`${id}\``).join(", ");
  return `note: ${who} ${ids.length === 1 ? "can" : "can each"} only seal (seal_only): they never read values, so leaving makes due only the credentials whose access lists them`;
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

// src/core/dates.ts
var DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
var DURATION_PATTERN = /^([1-9]\d{0,4})([dw])$/;
var MS_PER_DAY = 864e5;
function isCalendarDate(text) {
  if (text.length !== 10) return checkCalendarDate(text);
  const known = CALENDAR_DATES.get(text);
  if (known !== void 0) return known;
  const answer = checkCalendarDate(text);
  if (CALENDAR_DATES.size >= 4096) CALENDAR_DATES.clear();
  CALENDAR_DATES.set(text, answer);
  return answer;
}
var CALENDAR_DATES = /* @__PURE__ */ new Map();
function checkCalendarDate(text) {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = /* @__PURE__ */ new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
function parseDuration(text) {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return void 0;
  const count = Number(match[1]);
  return { days: match[2] === "w" ? count * 7 : count, text };
}
function daysDuration(days) {
  return { days, text: `${days}d` };
}
function addDays(date, days) {
  const shifted = dayNumberOf(date) + days;
  return Number.isNaN(shifted) ? toCalendarDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY)) : calendarDateOfDayNumber(shifted);
}
var DIGIT_ZERO = 48;
function dayNumberOf(date) {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let at = 0; at < 4; at += 1) year = year * 10 + digitAt(date, at);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function calendarDateOfDayNumber(dayNumber) {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return toCalendarDate(new Date(dayNumber * MS_PER_DAY));
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
function digitAt(text, at) {
  const digit = text.charCodeAt(at) - DIGIT_ZERO;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function toCalendarDate(instant) {
  return instant.toISOString().slice(0, 10);
}
function compareDates(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/rotation.ts
var DEFAULT_INTERVAL_DAYS = {
  api_key: 90,
  oauth_client_secret: 180,
  oauth_refresh_token: null,
  password: 90,
  admin_password: 90,
  session_secret: null,
  private_key: 365,
  service_account: 365,
  token: 365,
  certificate: 365
};
var DEFAULT_DUE_SOON_DAYS = 14;
function isEventDrivenKind(kind) {
  return DEFAULT_INTERVAL_DAYS[kind] === null;
}
function rotationIntervalOf(credential, policy) {
  if (isEventDrivenKind(credential.kind)) return void 0;
  if (credential.every) return credential.every;
  const policyKind = credential.kind === "admin_password" && !policy.intervals.admin_password ? "password" : credential.kind;
  const fromPolicy = policy.intervals[policyKind];
  if (fromPolicy) return fromPolicy;
  const days = DEFAULT_INTERVAL_DAYS[credential.kind];
  return days === null ? void 0 : daysDuration(days);
}
function dueSoonWindowOf(policy) {
  return policy.dueSoon ?? daysDuration(DEFAULT_DUE_SOON_DAYS);
}
function rotationAssessor(inventory, now) {
  const leavers = [...inventory.people.values()].filter((person) => person.left !== void 0);
  const warningHorizon = addDays(now, dueSoonWindowOf(inventory.policy).days);
  const intervalOfKind = /* @__PURE__ */ new Map();
  const intervalOf = (credential) => {
    if (credential.every) return rotationIntervalOf(credential, inventory.policy);
    if (intervalOfKind.has(credential.kind)) return intervalOfKind.get(credential.kind);
    const interval = rotationIntervalOf(credential, inventory.policy);
    intervalOfKind.set(credential.kind, interval);
    return interval;
  };
  const dueDates = /* @__PURE__ */ new Map();
  const dueAfter = (date, days) => {
    let byDate = dueDates.get(days);
    if (byDate === void 0) dueDates.set(days, byDate = /* @__PURE__ */ new Map());
    let due = byDate.get(date);
    if (due === void 0) byDate.set(date, due = addDays(date, days));
    return due;
  };
  return (credential) => {
    const lastRotated = credential.rotated ?? credential.created;
    const interval = intervalOf(credential);
    let due;
    const reasons = [];
    if (interval && lastRotated) {
      const intervalDue = dueAfter(lastRotated, interval.days);
      due = intervalDue;
      if (intervalDue <= warningHorizon) {
        const text = intervalDue <= now ? `${interval.text} interval elapsed on ${intervalDue}` : `${interval.text} interval ends ${intervalDue}`;
        reasons.push({ code: "interval", due: intervalDue, text });
      }
    }
    for (const person of leavers) {
      const left = person.left;
      if (lastRotated !== void 0 && lastRotated >= left) continue;
      if (!couldKnowValue(person, credential)) continue;
      if (due === void 0 || left < due) due = left;
      if (left <= warningHorizon) reasons.push({ code: "personnel", due: left, text: `${person.id} ${left <= now ? "left" : "leaves"} ${left}`, person: person.id });
    }
    const { compromised, revoked } = credential;
    const compromiseOutstanding = compromised !== void 0 && compromised !== "" && (lastRotated === void 0 || lastRotated < compromised);
    if (compromiseOutstanding) {
      if (due === void 0 || compromised < due) due = compromised;
      if (compromised <= warningHorizon) {
        reasons.push({ code: "compromised", due: compromised, text: `suspected compromise on ${compromised}${credential.incident ? `: ${credential.incident}` : ""}` });
      }
    }
    if (revoked && (lastRotated === void 0 || lastRotated < revoked)) {
      if (due === void 0 || revoked < due) due = revoked;
      if (revoked <= warningHorizon) reasons.push({ code: "revoked", due: revoked, text: `revoked on ${revoked}: re-authorise` });
    }
    const severity = compromiseOutstanding ? "critical" : "normal";
    if (reasons.length > 1) reasons.sort((a, b) => compareDates(a.due, b.due));
    let state;
    if (due === void 0) state = lastRotated === void 0 ? "unknown" : "ok";
    else if (due <= now) state = "overdue";
    else if (due <= warningHorizon) state = "due-soon";
    else state = "ok";
    if (severity === "critical") state = "overdue";
    return { credential, lastRotated, interval, due, state, severity, reasons };
  };
}

// src/core/status-report.ts
var NO_REASONS = Object.freeze([]);
var STATE_ORDER = { overdue: 0, "due-soon": 1, unknown: 2, ok: 3 };
function buildStatusReport(inventory, now) {
  const sortable = [];
  const deploymentSortables = /* @__PURE__ */ new Map();
  const noDeployment = sortableIdentifier("");
  const assess = rotationAssessor(inventory, now);
  for (const credential of inventory.credentials) {
    const assessment = assess(credential);
    const reasons = assessment.reasons.length === 0 ? NO_REASONS : assessment.reasons.map((reason) => reason.text);
    const id = sortableIdentifier(credential.id);
    const order = `${STATE_ORDER[assessment.state]}${assessment.due ?? "9999"}`;
    const deployments = credential.deployments.length > 0 ? credential.deployments : [null];
    for (const deployment of deployments) {
      const row = {
        id: credential.id,
        setting: credential.setting,
        deployment,
        kind: credential.kind,
        owner: credential.owner,
        rotated: assessment.lastRotated ?? null,
        due: assessment.due ?? null,
        state: assessment.state,
        severity: assessment.severity,
        reasons
      };
      let deploymentSortable = deployment === null ? noDeployment : deploymentSortables.get(deployment);
      if (deploymentSortable === void 0) {
        deploymentSortable = sortableIdentifier(deployment);
        deploymentSortables.set(deployment, deploymentSortable);
      }
      sortable.push({ row, order, id, deployment: deploymentSortable });
    }
  }
  sortable.sort((a, b) => compareText(a.order, b.order) || compareIdentifierSortables(a.id, b.id) || compareIdentifierSortables(a.deployment, b.deployment));
  const rows = sortable.map((entry) => entry.row);
  const summary = { ok: 0, "due-soon": 0, overdue: 0, unknown: 0 };
  for (const row of rows) summary[row.state] += 1;
  const demoKeyValues = listDemoKeyValues(inventory).map(describeValuePlace);
  return { now, credentials: rows, summary, ...demoKeyValues.length === 0 ? {} : { publicDemoKeyValues: demoKeyValues } };
}
function statusMeetsThreshold(report, threshold) {
  return report.credentials.some((row) => row.state === "overdue" || threshold === "due-soon" && row.state === "due-soon");
}

// src/app/yaml-document-loader.ts
async function loadYamlDocumentSupport() {
  await import("./chunks/yaml-document-EGSE4GGJ.js");
}
async function withYamlDocument(work) {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof YamlDocumentNeeded)) throw error;
    await loadYamlDocumentSupport();
    return work();
  }
}

// src/app/inventory-file.ts
import { isUtf8 } from "node:buffer";
import { open, readFile, realpath, rename, rm, stat } from "node:fs/promises";

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

// src/core/suggestions.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);
function suggestClosest(word, known) {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best;
  for (const name of known) {
    if (name === word) continue;
    const [a, b] = [word.toLowerCase(), name.toLowerCase()];
    const edits = isAdjacentSwap(a, b) ? 1 : (0, import_fastest_levenshtein.distance)(a, b);
    if (edits <= limit && (best === void 0 || edits < best.distance)) best = { name, distance: edits };
  }
  return best?.name;
}
function describeSuggestion(word, known, quote = (name) => `\`${name}\``) {
  const suggestion = suggestClosest(word, known);
  return suggestion === void 0 ? "" : `; did you mean ${quote(suggestion)}?`;
}
function isAdjacentSwap(a, b) {
  if (a.length !== b.length) return false;
  const differing = [...a].flatMap((letter, index) => letter === b[index] ? [] : [index]);
  const [first, second] = differing;
  return differing.length === 2 && first !== void 0 && second === first + 1 && a[first] === b[second] && a[second] === b[first];
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
  const path2 = parsePointer(error.instancePath);
  const where = path2.length === 0 ? "the file" : `\`${String(path2[path2.length - 1])}\``;
  switch (error.keyword) {
    case "required":
      return errorAt("schema-required", path2, `${where} is missing the required property \`${String(error.params.missingProperty)}\``);
    case "additionalProperties": {
      const property = String(error.params.additionalProperty);
      const hint = describeSuggestion(property, knownPropertiesAt(error.schemaPath));
      return errorAt("schema-unknown-property", [...path2, property], `unknown property \`${property}\` in ${where}${hint}`, true);
    }
    case "propertyNames":
      return errorAt("schema-name", [...path2, String(error.params.propertyName)], `\`${String(error.params.propertyName)}\` is not a valid name: ${FRIENDLY_PATTERNS["#/$defs/identifier/pattern"]}`, true);
    case "enum":
      return errorAt("schema-enum", path2, `${where} must be one of: ${error.params.allowedValues.join(", ")}`);
    case "const":
      return errorAt("schema-const", path2, `${where} must be ${JSON.stringify(error.params.allowedValue)}`);
    case "pattern": {
      const friendly = Object.entries(FRIENDLY_PATTERNS).find(([suffix]) => error.schemaPath.endsWith(suffix.slice(1)))?.[1];
      return errorAt("schema-format", path2, `${where} ${friendly ?? `must match ${String(error.params.pattern)}`}`);
    }
    case "format":
      return errorAt("schema-format", path2, `${where} must be a valid ${String(error.params.format)}`);
    case "type":
      return errorAt("schema-type", path2, `${where} must be ${article(String(error.params.type))}`);
    case "uniqueItems":
      return errorAt("schema-duplicate-item", path2, `${where} lists the same entry twice (items ${String(error.params.j)} and ${String(error.params.i)})`);
    default:
      return errorAt(`schema-${error.keyword}`, path2, `${where} ${error.message ?? "is invalid"}`);
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

// src/core/deployment-url.ts
function credentialsInUrl(url) {
  const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1];
  if (userinfo === void 0) return [];
  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const [user = "", ...rest] = userinfo.split(":");
  const password = rest.join(":");
  return [userinfo, password, decode(password), decode(userinfo)].filter((part) => part !== "" && part !== user);
}

// src/core/docuelevate-catalogue.json
var docuelevate_catalogue_default = {
  source: "DocuElevate release 0.188.6, SETTING_METADATA entries marked sensitive",
  settings: [
    {
      key: "database_url",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: true
    },
    {
      key: "redis_url",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: true
    },
    {
      key: "celery_broker_url",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "celery_result_backend",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "session_secret",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: true
    },
    {
      key: "session_secret_previous",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: true,
      required: false
    },
    {
      key: "admin_password",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "authentik_client_secret",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_google_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_microsoft_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_apple_private_key",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_dropbox_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_github_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_keycloak_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_generic_oauth2_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_saml2_certificate",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "openai_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "anthropic_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "gemini_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "openrouter_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "portkey_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "portkey_virtual_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "azure_ai_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "mistral_api_key",
      category: "OCR Engines",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_docai_credentials_json",
      category: "OCR Engines",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "dropbox_app_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "dropbox_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "nextcloud_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "paperless_ngx_api_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "evernote_auth_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_drive_credentials_json",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_drive_client_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_drive_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "onedrive_client_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "onedrive_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sharepoint_client_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sharepoint_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "webdav_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "ftp_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sftp_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sftp_private_key",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sftp_private_key_passphrase",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "icloud_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "aws_access_key_id",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "aws_secret_access_key",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "email_password",
      category: "Email",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "dest_email_password",
      category: "Email Destination",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "imap1_password",
      category: "IMAP",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "imap2_password",
      category: "IMAP",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "telegram_bot_token",
      category: "Notifications",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "notification_urls",
      category: "Notifications",
      type: "list",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "meilisearch_api_key",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "audit_siem_http_token",
      category: "Security",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "stripe_secret_key",
      category: "Billing",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "stripe_webhook_secret",
      category: "Billing",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sentry_dsn",
      category: "Observability",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "vector_index_api_key",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "document_intake_shared_secret",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "document_bridge_bearer_token",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "document_bridge_shared_secret",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    }
  ]
};

// src/core/docuelevate-catalogue.ts
var SESSION_SECRET_SETTING = "session_secret";
var SESSION_SECRET_IGNORED = "DocuElevate never uses a session_secret held in its database: sessions and the encryption of its stored settings use SESSION_SECRET from the deployment's environment, read at start-up";
function describeSessionSecretRotation(deployment) {
  const where = deployment === void 0 ? "the deployment's" : `${deployment}'s`;
  return `set SESSION_SECRET_PREVIOUS to the old secret and SESSION_SECRET to the new one in ${where} environment, restart api and worker, run \`credledger apply --rehydrate ${deployment ?? "<deployment>"}\` to re-encrypt the database-held values under the new secret, then drop SESSION_SECRET_PREVIOUS`;
}
var DOCUELEVATE_CATALOGUE_SOURCE = docuelevate_catalogue_default.source;
var DOCUELEVATE_SETTINGS = Object.freeze(
  docuelevate_catalogue_default.settings.map(
    (entry) => Object.freeze({
      key: entry.key,
      category: entry.category,
      type: entry.type,
      restartRequired: entry.restart_required,
      environmentOnly: entry.environment_only,
      required: entry.required
    })
  )
);
var SETTINGS_BY_KEY = new Map(
  DOCUELEVATE_SETTINGS.map((setting) => [setting.key, setting])
);
function findSetting(key) {
  return SETTINGS_BY_KEY.get(key);
}

// src/core/init-inventory.ts
var OWNER_PLACEHOLDER = "TODO-owner";

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
    const path2 = ["credentials", credential.id, "values", deployment];
    if (!inventory.deployments.has(deployment)) {
      findings.push(errorAt("unknown-deployment", path2, `deployment \`${deployment}\` is not listed under \`deployments\``, true));
    } else if (!credential.deployments.includes(deployment)) {
      findings.push(warningAt("value-for-unused-deployment", path2, `a value for \`${deployment}\`, which this credential is not pushed to`, true));
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
  const path2 = (field) => ["credentials", credential.id, "rotation", ...field === void 0 ? [] : [field]];
  const given = { user: spec.user, secret: spec.secret, key_id: spec.keyId, region: spec.region, length: spec.length, alphabet: spec.alphabet, swap: spec.swap };
  const allowed = ROTATION_FIELDS[spec.driver] ?? [];
  for (const [field, value] of Object.entries(given)) {
    if (value !== void 0 && !allowed.includes(field)) findings.push(errorAt("rotation-field", path2(field), `\`${field}\` means nothing to the ${spec.driver} driver (it reads ${allowed.filter((name) => name !== "driver").join(", ")})`, true));
  }
  if (credential.values !== void 0) {
    findings.push(errorAt("rotation-per-deployment", path2(), "rotate writes one value for every deployment: a credential with `values` per deployment is rotated with `credledger set`", true));
  }
  if (spec.swap !== void 0 && spec.driver === "docuelevate-admin-password") {
    if (credential.setting !== "admin_password") {
      findings.push(errorAt("rotation-swap", path2("swap"), `a swap rotates DocuElevate's admin_password; \`${credential.id}\` holds \`${credential.setting}\``, true));
    }
    if (credential.value === void 0) {
      findings.push(errorAt("rotation-swap", path2("swap"), "a swap replaces the credential's `value`: set one first (`credledger set`)", true));
    }
  }
  if (spec.driver === "aws-iam-access-key") {
    if (spec.user === void 0) findings.push(errorAt("rotation-incomplete", path2(), "the aws-iam-access-key driver needs `user`: the IAM user whose access key this is", true));
    if (spec.secret === void 0) {
      findings.push(errorAt("rotation-incomplete", path2(), "the aws-iam-access-key driver needs `secret`: the credential holding the secret access key of the pair", true));
    } else {
      const partner = findCredential(inventory, spec.secret);
      if (partner === void 0) findings.push(errorAt("rotation-unknown-credential", path2("secret"), `no credential \`${spec.secret}\` holds the secret access key`));
      else if (partner.id === credential.id) findings.push(errorAt("rotation-unknown-credential", path2("secret"), "the secret access key is another credential than the key id"));
      else if (credential.group === void 0 || partner.group !== credential.group) {
        findings.push(errorAt("rotation-group", path2("secret"), `the key id and \`${partner.id}\` must share a \`group\`, so apply pushes the pair back to back`));
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

// src/core/rotation-identifiers.ts
var AWS_ACCESS_KEY_ID_SHAPE = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
function declaredIdentifiers(inventory) {
  const declared = /* @__PURE__ */ new Map();
  for (const credential of inventory.credentials) {
    if (credential.rotation?.driver === "aws-iam-access-key" && credential.rotation.secret !== credential.id) declared.set(credential.id, AWS_ACCESS_KEY_ID_SHAPE);
  }
  return declared;
}
function isDeclaredIdentifier(declared, credentialId, plaintext) {
  return declared.get(credentialId)?.test(plaintext) === true;
}

// src/core/redaction.ts
var REDACTION = "[redacted]";
var MIN_SECRET_LENGTH = 4;
var MIN_SECRET_PIECE = 8;
var WORD_LIKE_RUN = /^(?=.{1,15}$)[-_.]?[a-z]+(?:[-_.][a-z]+)*[-_.]?$/;
function base64Variants(text) {
  const bytes = Buffer.from(text, "utf8");
  const variants = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString("base64").replace(/=+$/, "");
    const lead = shift === 0 ? 0 : Math.ceil(shift * 4 / 3);
    const usableEnd = Math.floor(padded.length * 4 / 3);
    const middle = encoded.slice(lead, usableEnd);
    if (middle.length > 0) variants.push(middle, middle.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return variants;
}
function htmlEscaped(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}
function encodingsOf(secret) {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ x: secret }).toString().slice(2);
  const variants = [secret, uri, uri.toLowerCase(), form, json, asciiJson, htmlEscaped(secret)];
  const encoded = base64Variants(secret).filter((variant) => variant.length >= MIN_SECRET_PIECE);
  return [.../* @__PURE__ */ new Set([...variants.filter((variant) => variant.length >= MIN_SECRET_LENGTH), ...encoded])];
}
var SecretRedactor = class {
  #secrets = /* @__PURE__ */ new Set();
  #compiled;
  /** Adds a secret (and, for a multi-line one, each of its lines). Short ones are ignored (see {@link MIN_SECRET_LENGTH}). */
  remember(secret) {
    for (const part of [secret, ...secret.split(/\r?\n/)]) {
      const trimmed = part.trim();
      if (trimmed.length < MIN_SECRET_LENGTH || this.#secrets.has(trimmed)) continue;
      this.#secrets.add(trimmed);
      this.#compiled = void 0;
    }
  }
  /** How many secrets it knows. */
  get size() {
    return this.#secrets.size;
  }
  /** The text with every known secret, every piece of 8+ characters of one, and their encodings, replaced by {@link REDACTION}. */
  redact(text) {
    if (this.#secrets.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    const { whole, pieces } = this.#compile();
    let result = text;
    for (const form of whole) if (result.includes(form)) result = result.split(form).join(REDACTION);
    if (pieces.size === 0 || result.length < MIN_SECRET_PIECE) return result;
    const covered = new Uint8Array(result.length);
    let any = false;
    for (let start = 0; start + MIN_SECRET_PIECE <= result.length; start += 1) {
      if (!pieces.has(result.slice(start, start + MIN_SECRET_PIECE))) continue;
      covered.fill(1, start, start + MIN_SECRET_PIECE);
      any = true;
    }
    if (!any) return result;
    let out = "";
    let index = 0;
    while (index < result.length) {
      if (covered[index] === 0) {
        out += result[index];
        index += 1;
        continue;
      }
      let end = index;
      while (end < result.length && covered[end] === 1) end += 1;
      const run = result.slice(index, end);
      out += WORD_LIKE_RUN.test(run) ? run : REDACTION;
      index = end;
    }
    return out;
  }
  #compile() {
    if (this.#compiled) return this.#compiled;
    const whole = /* @__PURE__ */ new Set();
    const pieces = /* @__PURE__ */ new Set();
    for (const secret of this.#secrets) {
      for (const form of encodingsOf(secret)) {
        whole.add(form);
        for (let start = 0; start + MIN_SECRET_PIECE <= form.length; start += 1) pieces.add(form.slice(start, start + MIN_SECRET_PIECE));
      }
    }
    this.#compiled = { whole: [...whole].sort((a, b) => b.length - a.length), pieces };
    return this.#compiled;
  }
};

// src/crypto/run-secrets.ts
var RUN_SECRETS = new SecretRedactor();
var RUN_IDENTIFIERS = /* @__PURE__ */ new Map();
function declareRunIdentifiers(declared) {
  for (const [credentialId, shape] of declared) RUN_IDENTIFIERS.set(credentialId, shape);
}
function isRunIdentifier(credentialId, plaintext) {
  return isDeclaredIdentifier(RUN_IDENTIFIERS, credentialId, plaintext);
}
function rememberRunSecret(secret) {
  RUN_SECRETS.remember(secret);
}
function redactRunSecrets(text) {
  return RUN_SECRETS.redact(text);
}

// src/ports/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var ExternalError = class extends Error {
  constructor(message, details = {}) {
    super(message, { cause: details.cause });
    this.details = details;
  }
  details;
  name = "ExternalError";
};

// src/app/inventory-file.ts
var DEFAULT_INVENTORY_FILE = "credentials.yaml";
var MAX_INVENTORY_BYTES = 64e6;
function firstInvalidUtf8Byte(bytes) {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index] ?? 0;
    const length = lead < 128 ? 1 : lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next += 1) if (((bytes[index + next] ?? 0) & 192) !== 128) return index;
    const second = bytes[index + 1] ?? 0;
    if (lead === 224 && second < 160 || lead === 237 && second > 159 || lead === 240 && second < 144 || lead === 244 && second > 143) return index;
    index += length;
  }
  return -1;
}
async function readInventoryText(file) {
  try {
    const { size } = await stat(file);
    if (size > MAX_INVENTORY_BYTES) {
      throw new UsageError(`${file} is ${size} bytes; credledger reads inventories up to ${MAX_INVENTORY_BYTES} bytes (split it, one file per team or environment)`);
    }
    const bytes = await readFile(file);
    const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8Byte(bytes);
    if (invalid >= 0) {
      const before = bytes.subarray(0, invalid).toString("utf8");
      const line = before.split("\n").length;
      const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
      throw new UsageError(`${file}:${line}:${column}: byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, "0")} is not UTF-8: save the inventory as UTF-8 text`);
    }
    return bytes.toString("utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = error.code;
    if (code === "ENOENT") throw new UsageError(`inventory file not found: ${file} (pass --file, or create it from credentials.yaml.example)`);
    if (code === "EISDIR") throw new UsageError(`${file} is a directory, not an inventory file`);
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  }
}
async function loadInventoryFile(file, today) {
  const text = await readInventoryText(file);
  const check = await withYamlDocument(() => checkInventoryText(text, file, today));
  if (check.inventory) declareRunIdentifiers(declaredIdentifiers(check.inventory));
  return check;
}

// src/app/status.ts
async function reportStatus(request) {
  const check = await loadInventoryFile(request.file, request.today > request.now ? request.today : request.now);
  const errors = await withYamlDocument(() => check.errors);
  if (!check.inventory || errors.length > 0) return { check, report: void 0 };
  return { check, report: buildStatusReport(check.inventory, request.now) };
}

// src/core/markdown.ts
var CONTROL_OR_LINE_BREAK = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
var MARKUP_PUNCTUATION = /[\\`*_[\]~#!$]/g;
var AUTOLINK_START = /:(?=\/\/)|(?<=\bwww)\./gi;
var BLOCK_START = /^(\s*)([-+=]|\d+[.)])/;
function flattenToLine(text) {
  return text.replace(CONTROL_OR_LINE_BREAK, " ");
}
function markdownText(text) {
  return flattenToLine(text).replace(MARKUP_PUNCTUATION, (char) => `\\${char}`).replace(AUTOLINK_START, (char) => `\\${char}`).replace(BLOCK_START, (_, space, marker) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/@/g, "@\u200B");
}
function markdownCode(text) {
  const flat = flattenToLine(text);
  if (flat.includes("|")) return markdownText(flat);
  if (flat === "") return "` `";
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padded = /^[ `]|[ `]$/.test(flat) ? ` ${flat} ` : flat;
  return `${fence}${padded}${fence}`;
}
function markdownTable(header, rows) {
  const cell = (text) => flattenToLine(text).replace(/\|/g, "&#124;");
  const row = (cells) => `| ${header.map((_, column) => cell(cells[column] ?? "")).join(" | ")} |`;
  return [row(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(row)].join("\n");
}

// src/core/render-status.ts
var HEADERS = ["ID", "SETTING", "DEPLOYMENT", "KIND", "OWNER", "ROTATED", "DUE", "STATE", "REASONS"];
function cellsOf(row) {
  return [row.id, row.setting, row.deployment ?? "-", row.kind, row.owner, row.rotated ?? "-", row.due ?? "-", row.severity === "critical" ? `${row.state} (critical)` : row.state, row.reasons.join("; ")];
}
function summaryLine(report) {
  const { summary } = report;
  return `${summary.overdue} overdue, ${summary["due-soon"]} due soon, ${summary.ok} ok, ${summary.unknown} unknown (as of ${report.now})`;
}
function renderStatusText(report, style = PLAIN_STYLE) {
  const rows = report.credentials.map(cellsOf);
  const widths = HEADERS.map((header) => header.length);
  for (const cells of rows) cells.forEach((cell, column) => widths[column] = Math.max(widths[column] ?? 0, cell.length));
  const pad = (cells) => cells.map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  const paint = (row, line) => row.state === "overdue" ? style.error(line) : row.state === "due-soon" ? style.warning(line) : row.state === "unknown" ? style.dim(line) : line;
  const lines = [style.bold(pad(HEADERS)), ...report.credentials.map((row, index) => paint(row, pad(rows[index] ?? [])))];
  const demo = report.publicDemoKeyValues === void 0 ? "" : `
${style.warning(`warning: ${describeDemoKeyValues(report.publicDemoKeyValues)}`)}`;
  return `${lines.join("\n")}

${summaryLine(report)}${demo}`;
}
var STATE_BADGES = { overdue: "\u{1F534} overdue", "due-soon": "\u{1F7E1} due soon", ok: "\u{1F7E2} ok", unknown: "\u26AA unknown" };
function renderStatusMarkdown(report) {
  const header = HEADERS.map((h) => h.charAt(0) + h.slice(1).toLowerCase());
  const rows = report.credentials.map((row) => {
    const cells = cellsOf(row).map(markdownText);
    cells[0] = markdownCode(row.id);
    cells[1] = markdownCode(row.setting);
    cells[7] = row.severity === "critical" ? `${STATE_BADGES[row.state]} (critical)` : STATE_BADGES[row.state];
    return cells;
  });
  const demo = report.publicDemoKeyValues === void 0 ? "" : `> :warning: ${markdownText(describeDemoKeyValues(report.publicDemoKeyValues))}

`;
  return `### Credential rotation status

${markdownText(summaryLine(report))}

${demo}${markdownTable(header, rows)}
`;
}

// src/cli/command.ts
import { parseArgs } from "node:util";
function parseCommandLine(command, args) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UsageError(`${message}${suggestOption(command, message)}
Run \`credledger ${command.name} --help\` for usage.`);
  }
  const { min, max, names } = command.positionals ?? { min: 0, max: 0, names: "" };
  if (parsed.positionals.length < min) throw new UsageError(`credledger ${command.name} needs ${names}`);
  if (parsed.positionals.length > max) {
    const count = parsed.positionals.length - max;
    throw new UsageError(`${count} unexpected argument${count === 1 ? "" : "s"} after ${max === 0 ? "the command" : names} (not shown, in case one is a secret); credledger ${command.name} takes ${max === 0 ? "none" : names}
Run \`credledger ${command.name} --help\` for usage.`);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
function suggestOption(command, message) {
  const unknown = /^Unknown option '(--[^'=]+)/.exec(message)?.[1];
  if (unknown === void 0) return "";
  return describeSuggestion(unknown, [...Object.keys(command.options).map((name) => `--${name}`), "--help"]);
}
function stringOption(commandLine, name, fallback) {
  const value = commandLine.values[name];
  return typeof value === "string" ? value : fallback;
}
function flagOption(commandLine, name) {
  return commandLine.values[name] === true;
}
function choiceOption(commandLine, name, choices, fallback) {
  const value = stringOption(commandLine, name);
  if (value === void 0) return fallback;
  if (!choices.includes(value)) throw new UsageError(`--${name} must be one of: ${choices.join(", ")} (got ${value})`);
  return value;
}
function todayOption(commandLine, io) {
  const value = stringOption(commandLine, "now");
  if (value === void 0) return toCalendarDate(io.now());
  if (!isCalendarDate(value)) throw new UsageError(`--now must be a real date written YYYY-MM-DD (got ${value})`);
  return value;
}
function defaultDiagnosticsFormat(io) {
  return io.env.GITHUB_ACTIONS === "true" ? "github" : "text";
}
var FILE_OPTION = { file: { type: "string", short: "f" } };
var NOW_OPTION = { now: { type: "string" } };
var KEY_FILE_OPTION = { "key-file": { type: "string" } };

// src/cli/exit-codes.ts
var ExitCode = {
  /** Success: valid, nothing due past the threshold, every operation done. */
  ok: 0,
  /** Findings: invalid inventory, a --fail-on threshold met, a failed operation. */
  findings: 1,
  /** Usage: unknown flag or command, missing file, missing key (sysexits' EX_USAGE). */
  usage: 64,
  /** External failure: git, network, DocuElevate or GitHub could not be used. */
  external: 3,
  /** `plan --detailed-exitcode`: the plan has changes (as `terraform plan -detailed-exitcode`). */
  changes: 2
};

// src/cli/sarif-output.ts
import path from "node:path";

// src/cli/version.ts
function credledgerVersion() {
  return true ? "0.1.0" : "development";
}

// src/cli/sarif-output.ts
function sarifTargetFor(file) {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : path.normalize(file);
  return { artifactUri: relative.split(path.sep).join("/"), toolVersion: credledgerVersion() };
}
function writeSarif(io, log) {
  io.stdout.write(`${JSON.stringify(log, null, 2)}
`);
}

// src/core/render-sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/credledger/credledger";
var FINGERPRINT_KEY = "credledgerFinding/v1";
function plainText(message) {
  return message.replace(/`([^`\n]*)`/g, "'$1'");
}
function buildLog(findings, target) {
  const ruleIds = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const first = findings.find((finding) => finding.ruleId === id);
    return { id, name: id, shortDescription: { text: plainText(first.ruleDescription) }, helpUri: `${INFORMATION_URI}#diagnostic-codes`, defaultConfiguration: { level: first.level } };
  });
  const results = findings.map(
    (finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: finding.level,
      message: { text: plainText(finding.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: target.artifactUri, uriBaseId: "%SRCROOT%" },
            region: {
              startLine: Math.max(1, finding.line),
              startColumn: Math.max(1, finding.column),
              ...finding.endLine === void 0 ? {} : { endLine: finding.endLine },
              ...finding.endColumn === void 0 ? {} : { endColumn: finding.endColumn }
            }
          }
        }
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.identity }
    })
  );
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "credledger", version: target.toolVersion, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The root of the repository that holds the inventory." } } },
        results
      }
    ]
  };
}
function renderDiagnosticsSarif(diagnostics, target) {
  return buildLog(
    diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.code,
      ruleDescription: `credledger inventory check \`${diagnostic.code}\``,
      level: diagnostic.severity,
      message: diagnostic.message,
      line: diagnostic.line,
      column: diagnostic.column,
      ...diagnostic.endLine === void 0 || diagnostic.endLine < diagnostic.line ? {} : { endLine: diagnostic.endLine },
      ...diagnostic.endColumn === void 0 || diagnostic.endLine !== diagnostic.line || diagnostic.endColumn <= diagnostic.column ? {} : { endColumn: diagnostic.endColumn },
      identity: `${diagnostic.code}|${diagnostic.path}`
    })),
    target
  );
}
var STATUS_RULES = {
  overdue: { id: "credential-overdue", level: "error", description: "A credential is past its rotation date (or compromised, revoked, or readable by someone who left)." },
  "due-soon": { id: "credential-due-soon", level: "warning", description: "A credential is due for rotation soon." },
  unknown: { id: "credential-rotation-unknown", level: "note", description: "A credential has no rotation or creation date to count from." }
};
function renderStatusSarif(report, locate, target) {
  return buildLog(
    report.credentials.flatMap((row) => {
      if (row.state === "ok") return [];
      const rule = STATUS_RULES[row.state];
      const where = row.deployment === null ? "" : ` on ${row.deployment}`;
      const due = row.due === null ? "" : ` (due ${row.due})`;
      const reasons = row.reasons.length === 0 ? "" : `: ${row.reasons.join("; ")}`;
      const { line, column } = locate(row);
      return [
        {
          ruleId: rule.id,
          ruleDescription: rule.description,
          level: rule.level,
          message: `\`${row.id}\` (${row.setting})${where} is ${row.state}${due} as of ${report.now}${reasons}`,
          line,
          column,
          identity: `${rule.id}|${row.id}|${row.deployment ?? ""}`
        }
      ];
    }),
    target
  );
}

// src/cli/commands/status-command.ts
var FORMATS = ["text", "json", "markdown", "sarif"];
var THRESHOLDS = ["overdue", "due-soon", "never"];
var statusCommand = {
  name: "status",
  help: `Usage: credledger status [--file F] [--now YYYY-MM-DD] [--format text|json|markdown|sarif]
                         [--fail-on overdue|due-soon|never]

  -f, --file F     inventory file (default: credentials.yaml)
      --now        the day to assess (default: today, UTC)
      --format     text (default: an aligned table, overdue first), json, markdown (for job summaries),
                   sarif (SARIF 2.1.0 for code scanning: overdue as errors, due soon as warnings)
      --fail-on    overdue: exit 1 when a credential is overdue; due-soon: when one is due soon or
                   overdue; never (default): whatever the rotation state

Exit 0, or 1 when --fail-on matches or the inventory has errors.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, format: { type: "string" }, "fail-on": { type: "string" } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, "format", FORMATS, "text");
    const failOn = choiceOption(commandLine, "fail-on", THRESHOLDS, "never");
    const { check, report } = await reportStatus({ file, now: todayOption(commandLine, io), today: toCalendarDate(io.now()) });
    if (!report) {
      io.stderr.write(`${renderDiagnosticsText(check.errors, check.source.lines, styleFor(io.stderr, io.env))}

`);
      io.stderr.write(`${file} is invalid; fix it (credledger validate) before asking for its status.
`);
      return ExitCode.findings;
    }
    if (format === "sarif") {
      const inventory = check.inventory;
      if (!inventory) throw new Error("a status report without an inventory");
      writeSarif(io, await withYamlDocument(() => renderStatusSarif(report, locateStatusRow(check.source, inventory), sarifTargetFor(file))));
    } else if (format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    else if (format === "markdown") io.stdout.write(renderStatusMarkdown(report));
    else io.stdout.write(`${renderStatusText(report, styleFor(io.stdout, io.env))}
`);
    return failOn !== "never" && statusMeetsThreshold(report, failOn) ? ExitCode.findings : ExitCode.ok;
  }
};
function locateStatusRow(source, inventory) {
  const credentials = new Map(inventory.credentials.map((credential) => [credential.id, credential]));
  return (row) => {
    const credential = credentials.get(row.id);
    for (const field of ["rotated", "created"]) {
      if (credential !== void 0 && credential[field] !== void 0) return placeFinding(source, { code: "status", severity: "warning", message: "", path: ["credentials", row.id, field] });
    }
    return placeFinding(source, { code: "status", severity: "warning", message: "", path: ["credentials", row.id], atKey: true });
  };
}

// src/app/key-source.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/crypto/key-ring.ts
import { createHash as createHash2 } from "node:crypto";

// src/crypto/fernet.ts
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { inspect } from "node:util";
var VERSION = 128;
var HEADER_LENGTH = 1 + 8 + 16;
var HMAC_LENGTH = 32;
var BLOCK_SIZE = 16;
var MIN_TOKEN_LENGTH = HEADER_LENGTH + BLOCK_SIZE + HMAC_LENGTH;
var MAX_CLOCK_SKEW_SECONDS = 60;
var FernetError = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
  reason;
  name = "FernetError";
};
var FernetKey = class {
  #raw;
  constructor(raw) {
    if (raw.length !== 32) throw new FernetError("bad-key", `a Fernet key is 32 bytes, got ${raw.length}`);
    this.#raw = Buffer.from(raw);
  }
  /** A copy of the 32 raw bytes (signing key, then encryption key). */
  rawBytes() {
    return Buffer.from(this.#raw);
  }
  /** The key as text: base64url with `=` padding, the form Python accepts. */
  encode() {
    return encodeBase64Url(this.#raw);
  }
  get signingKey() {
    return Buffer.from(this.#raw.subarray(0, 16));
  }
  get encryptionKey() {
    return Buffer.from(this.#raw.subarray(16));
  }
  toString() {
    return "[FernetKey]";
  }
  toJSON() {
    return "[FernetKey]";
  }
  [inspect.custom]() {
    return "[FernetKey]";
  }
};
function parseFernetKey(text) {
  const raw = decodeBase64Url(text);
  if (raw === null) throw new FernetError("bad-key", "a Fernet key must be base64url text (A-Z a-z 0-9 - _, optional = padding)");
  if (raw.length !== 32) throw new FernetError("bad-key", `a Fernet key decodes to 32 bytes, this one to ${raw.length}`);
  return new FernetKey(raw);
}
function decryptFernet(key, token, options = {}) {
  const data = decodeToken(token);
  const issuedAt = Number(data.readBigUInt64BE(1));
  if (options.ttlSeconds !== void 0) {
    const now = options.now ?? currentUnixSeconds();
    if (issuedAt + options.ttlSeconds < now) {
      throw new FernetError("expired", `the token is older than its ${options.ttlSeconds}-second lifetime`);
    }
    if (now + MAX_CLOCK_SKEW_SECONDS < issuedAt) {
      throw new FernetError("from-future", `the token's timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} seconds in the future`);
    }
  }
  const signedEnd = data.length - HMAC_LENGTH;
  const expected = createHmac("sha256", key.signingKey).update(data.subarray(0, signedEnd)).digest();
  if (!timingSafeEqual(expected, data.subarray(signedEnd))) {
    throw new FernetError("bad-hmac", "the token does not verify under this key (wrong key or altered token)");
  }
  const decipher = createDecipheriv("aes-128-cbc", key.encryptionKey, data.subarray(9, HEADER_LENGTH));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(data.subarray(HEADER_LENGTH, signedEnd)), decipher.final()]);
  return { plaintext: removePkcs7Padding(padded), issuedAt };
}
function decodeToken(token) {
  const data = decodeBase64Url(token);
  if (data === null) throw new FernetError("bad-base64", "the token is not valid base64url");
  const cipherLength = data.length - HEADER_LENGTH - HMAC_LENGTH;
  if (cipherLength <= 0) {
    throw new FernetError("too-short", `the token decodes to ${data.length} bytes, fewer than the minimum ${MIN_TOKEN_LENGTH}`);
  }
  if (data[0] !== VERSION) throw new FernetError("bad-version", "the token does not start with Fernet version byte 0x80");
  if (cipherLength % BLOCK_SIZE !== 0) {
    throw new FernetError("bad-length", "the ciphertext is not a whole number of 16-byte blocks");
  }
  return data;
}
function removePkcs7Padding(padded) {
  const count = padded[padded.length - 1] ?? 0;
  let valid = count >= 1 && count <= BLOCK_SIZE;
  for (let i = padded.length - count; valid && i < padded.length; i++) valid = padded[i] === count;
  if (!valid) throw new FernetError("bad-padding", "the decrypted data has invalid PKCS7 padding");
  return padded.subarray(0, padded.length - count);
}
function encodeBase64Url(bytes) {
  const text = bytes.toString("base64url");
  return text + "=".repeat((4 - text.length % 4) % 4);
}
function decodeBase64Url(text) {
  const match = /^([A-Za-z0-9_-]*)(={0,2})$/.exec(text);
  if (match === null) return null;
  const body = match[1] ?? "";
  const padding = match[2] ?? "";
  if (body.length % 4 === 1) return null;
  if (padding !== "" && (body.length + padding.length) % 4 !== 0) return null;
  const bytes = Buffer.from(body, "base64url");
  return bytes.toString("base64url") === body ? bytes : null;
}
function currentUnixSeconds() {
  return Math.floor(Date.now() / 1e3);
}

// src/crypto/sealing-key.ts
import { createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from "node:crypto";
import { inspect as inspect2 } from "node:util";
var SEALING_KEY_PREFIX = "sealing-key:";
var PKCS8_X25519_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");
var SPKI_X25519_PREFIX = Buffer.from("302a300506032b656e032100", "hex");
var RECIPIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
var FINGERPRINT_MASTER_INFO = "credledger/v1/sealing/fingerprint-master";
var SealingKeyError = class extends Error {
  name = "SealingKeyError";
};
var SealingPrivateKey = class {
  #key;
  /** The recipient this key opens values for. */
  recipientId;
  /** The matching public key, padded base64url. */
  publicKey;
  /** First 8 hex characters of sha256 of the raw public key: safe to print. */
  id;
  constructor(recipientId, raw) {
    if (!RECIPIENT_ID_PATTERN.test(recipientId)) throw new SealingKeyError(`a recipient id is letters, digits, '.', '_' or '-' (up to 64), got ${JSON.stringify(recipientId)}`);
    if (raw.length !== 32) throw new SealingKeyError(`a sealing private key is 32 bytes, got ${raw.length}`);
    this.#key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: "der", type: "pkcs8" });
    this.recipientId = recipientId;
    const publicRaw = rawPublicKey(createPublicKey(this.#key));
    this.publicKey = encodeBase64Url2(publicRaw);
    this.id = publicKeyId(publicRaw);
  }
  /** The X25519 shared secret with another party's public key (32 raw bytes). */
  agree(otherPublicKey) {
    return diffieHellman({ privateKey: this.#key, publicKey: otherPublicKey });
  }
  /**
   * A Fernet key derived from the private key (HKDF-SHA256, info `credledger/v1/sealing/fingerprint-master`),
   * used only to fingerprint applied values when CI holds a sealing key and no master key. It never encrypts a value.
   */
  fingerprintMaster() {
    const raw = this.#key.export({ format: "der", type: "pkcs8" }).subarray(PKCS8_X25519_PREFIX.length);
    return new FernetKey(Buffer.from(hkdfSync("sha256", raw, Buffer.alloc(0), FINGERPRINT_MASTER_INFO, 32)));
  }
  /** The key as text, `sealing-key:<recipient id>:<base64url>`: what CREDLEDGER_SEALING_KEY holds. */
  encode() {
    const raw = this.#key.export({ format: "der", type: "pkcs8" }).subarray(PKCS8_X25519_PREFIX.length);
    return `${SEALING_KEY_PREFIX}${this.recipientId}:${encodeBase64Url2(raw)}`;
  }
  toString() {
    return `[SealingPrivateKey ${this.recipientId}]`;
  }
  toJSON() {
    return this.toString();
  }
  [inspect2.custom]() {
    return this.toString();
  }
};
function isSealingKeyText(text) {
  return text.startsWith(SEALING_KEY_PREFIX);
}
function parseSealingPrivateKey(text) {
  if (!isSealingKeyText(text)) throw new SealingKeyError(`a sealing key starts with ${SEALING_KEY_PREFIX}`);
  const rest = text.slice(SEALING_KEY_PREFIX.length);
  const colon = rest.lastIndexOf(":");
  if (colon <= 0) throw new SealingKeyError("a sealing key is sealing-key:<recipient id>:<key>");
  const raw = decodeBase64Url32(rest.slice(colon + 1));
  if (raw === null) throw new SealingKeyError("the key part of a sealing key must be 32 bytes of base64url");
  return new SealingPrivateKey(rest.slice(0, colon), raw);
}
function importPublicKey(text) {
  const raw = decodeBase64Url32(text);
  if (raw === null) throw new SealingKeyError("an X25519 public key is 32 bytes of base64url (43 characters, optional =)");
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: "der", type: "spki" });
}
function deriveFernetKeyFromSecret(sharedSecret, info) {
  return new FernetKey(Buffer.from(hkdfSync("sha256", sharedSecret, Buffer.alloc(0), info, 32)));
}
function publicKeyId(raw) {
  return createHash("sha256").update(raw).digest("hex").slice(0, 8);
}
function rawPublicKey(key) {
  return key.export({ format: "der", type: "spki" }).subarray(SPKI_X25519_PREFIX.length);
}
function encodeBase64Url2(bytes) {
  const text = bytes.toString("base64url");
  return text + "=".repeat((4 - text.length % 4) % 4);
}
function decodeBase64Url32(text) {
  const match = /^([A-Za-z0-9_-]{43})=?$/.exec(text);
  if (match === null) return null;
  const bytes = Buffer.from(match[1], "base64url");
  return bytes.length === 32 && bytes.toString("base64url") === match[1] ? bytes : null;
}

// src/crypto/key-text.ts
function keyEntriesOf(text) {
  return text.split(/\r?\n/).map((line) => line.replace(/#.*/, "")).flatMap((line) => line.split(",")).map((entry) => entry.trim()).filter((entry) => entry !== "");
}

// src/crypto/key-ring.ts
var KeyRingError = class extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
  code;
  name = "KeyRingError";
};
function keyId(key) {
  return createHash2("sha256").update(key.rawBytes()).digest("hex").slice(0, 8);
}
function parseKeys(text, source, allow = "any") {
  const entries = keyEntriesOf(text);
  const parsed = { masterKeys: [], sealingKeys: [] };
  for (const entry of entries) rememberRunSecret(entry);
  entries.forEach((entry, index) => {
    if (isSealingKeyText(entry)) {
      try {
        parsed.sealingKeys.push(parseSealingPrivateKey(entry));
      } catch (error) {
        const why = error instanceof SealingKeyError ? error.message : String(error);
        throw new KeyRingError("bad-key", `key ${index + 1} in ${source} is not a sealing key: ${why}`, { cause: error });
      }
      return;
    }
    if (allow === "sealing") {
      throw new KeyRingError("bad-key", `key ${index + 1} in ${source} is not a sealing key (they start with sealing-key:); a Fernet master key belongs in CREDLEDGER_KEY`);
    }
    try {
      parsed.masterKeys.push(parseFernetKey(entry));
    } catch (error) {
      const why = error instanceof FernetError ? error.message : String(error);
      throw new KeyRingError("bad-key", `key ${index + 1} in ${source} is not a Fernet key: ${why}`, { cause: error });
    }
  });
  return parsed;
}
function parseKeyRing(text, source = "CREDLEDGER_KEY") {
  const { masterKeys: masterKeys2, sealingKeys } = parseKeys(text, source);
  return createKeyRing(masterKeys2, source, sealingKeys);
}
function createKeyRing(keys, source, sealingKeys = []) {
  const ringKeys = [
    ...keys.map((key) => ({ id: keyId(key), key })),
    ...sealingKeys.map((sealing) => {
      const key = sealing.fingerprintMaster();
      return { id: keyId(key), key, fingerprintOnly: true };
    })
  ];
  const [first, ...rest] = ringKeys;
  if (first === void 0) throw new KeyRingError("no-keys", `${source} holds no key`);
  const seen = /* @__PURE__ */ new Set();
  for (const { id } of ringKeys) {
    if (seen.has(id)) throw new KeyRingError("duplicate-key", `${source} lists key ${id} more than once`);
    seen.add(id);
  }
  const recipients = /* @__PURE__ */ new Set();
  for (const { recipientId } of sealingKeys) {
    if (recipients.has(recipientId)) throw new KeyRingError("duplicate-key", `${source} lists a sealing key for recipient ${recipientId} more than once`);
    recipients.add(recipientId);
  }
  return { source, keys: [first, ...rest], sealingKeys: [...sealingKeys] };
}
function masterKeys(ring) {
  return ring.keys.filter((entry) => entry.fingerprintOnly !== true);
}
function describeKeyIds(ring) {
  const ids = masterKeys(ring).map((entry) => entry.id);
  return ids.length === 0 ? "no master key" : ids.join(", ");
}
function describeSealingRecipients(ring) {
  return ring.sealingKeys.length === 0 ? "no sealing key" : ring.sealingKeys.map((key) => key.recipientId).join(", ");
}

// src/app/key-source.ts
var KEY_ENVIRONMENT_VARIABLE = "CREDLEDGER_KEY";
var SEALING_KEY_ENVIRONMENT_VARIABLE = "CREDLEDGER_SEALING_KEY";
async function loadOptionalKeyRing(options) {
  try {
    if (options.keyFile !== void 0) {
      let text;
      try {
        text = await readFile2(options.keyFile, "utf8");
      } catch (error) {
        const code = error.code;
        const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" || code === "EPERM" ? "permission denied" : error.message;
        throw new UsageError(`cannot read key file ${describeKeyFilePath(options.keyFile)}: ${why}`);
      }
      return parseKeyRing(text, options.keyFile);
    }
    const master = options.env[KEY_ENVIRONMENT_VARIABLE] ?? "";
    const sealing = options.env[SEALING_KEY_ENVIRONMENT_VARIABLE] ?? "";
    const sources = [master.trim() === "" ? void 0 : KEY_ENVIRONMENT_VARIABLE, sealing.trim() === "" ? void 0 : SEALING_KEY_ENVIRONMENT_VARIABLE].filter((name) => name !== void 0);
    if (sources.length === 0) return void 0;
    const fromMaster = parseKeys(master, KEY_ENVIRONMENT_VARIABLE);
    const fromSealing = parseKeys(sealing, SEALING_KEY_ENVIRONMENT_VARIABLE, "sealing");
    return createKeyRing(fromMaster.masterKeys, sources.join(" and "), [...fromMaster.sealingKeys, ...fromSealing.sealingKeys]);
  } catch (error) {
    if (error instanceof KeyRingError) throw new UsageError(error.message);
    throw error;
  }
}
async function loadKeyRing(options) {
  const ring = await loadOptionalKeyRing(options);
  if (!ring) {
    throw new UsageError(
      `no key: set ${KEY_ENVIRONMENT_VARIABLE} (comma-separated Fernet keys, the first encrypts), ${SEALING_KEY_ENVIRONMENT_VARIABLE} (sealing private keys, for sealed: values), or pass --key-file PATH; \`credledger keygen\` makes one`
    );
  }
  return ring;
}
function describeKeyFilePath(file) {
  if (/^(sealing-key:)?[A-Za-z0-9_:=-]{32,}$/.test(file.trim()) || file.includes(",")) {
    return "(the path is not shown: it looks like a key itself; --key-file takes the path of a file that holds the keys)";
  }
  return file;
}

// src/crypto/sealed-value.ts
import { createHmac as createHmac2, hkdfSync as hkdfSync2 } from "node:crypto";

// src/crypto/secret-value.ts
import { createHash as createHash3, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
import { inspect as inspect3 } from "node:util";
var REDACTED2 = "[redacted]";
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var NOT_SECRET_AT_ITS_ISSUER = /* @__PURE__ */ Symbol("not secret at its issuer");
var SecretValue = class _SecretValue {
  // A private field is invisible to JSON, spread, Object.keys and test-runner diff printers.
  #plaintext;
  #identifier;
  constructor(plaintext, kind) {
    this.#plaintext = plaintext;
    this.#identifier = kind === NOT_SECRET_AT_ITS_ISSUER;
    if (kind !== NOT_SECRET_AT_ITS_ISSUER) rememberRunSecret(plaintext);
  }
  /**
   * A value the inventory stores like any other but that its issuer does not treat as secret, such as a new AWS
   * access key id: rotate names it (old → new) in its pull request and output, so it is not added to the run's
   * redaction. It still prints as `[redacted]` by itself. Values decrypted from the inventory are secrets regardless.
   */
  static identifier(plaintext) {
    return new _SecretValue(plaintext, NOT_SECRET_AT_ITS_ISSUER);
  }
  /**
   * Wraps decrypted bytes, which must be UTF-8 (every credential value is text).
   * @param isIdentifier decides, from the text, whether it is an identifier its issuer does not treat as secret (a
   * declared AWS access key id; see core/rotation-identifiers.ts): such a value is not added to the run's redaction.
   * @throws TypeError when they are not; the message does not contain the bytes.
   */
  static fromUtf8(bytes, isIdentifier) {
    const text = utf8.decode(bytes);
    return isIdentifier?.(text) === true ? _SecretValue.identifier(text) : new _SecretValue(text);
  }
  /** True for an {@link SecretValue.identifier}: the run neither redacts nor masks it. */
  get isIdentifier() {
    return this.#identifier;
  }
  /** Returns the plaintext. Callers own what happens to it next. */
  reveal() {
    return this.#plaintext;
  }
  /** Length in Unicode code points (what DocuElevate, in Python, counts when it masks). */
  get length() {
    return [...this.#plaintext].length;
  }
  /**
   * The mask DocuElevate's settings API returns for this value: the first 4 characters and one `*`
   * per remaining character when longer than 8 characters, else `********`; an empty value stays
   * empty. Apply compares a read-back against it, which confirms length and prefix, no more.
   */
  maskedLikeDocuElevate() {
    const chars = [...this.#plaintext];
    if (chars.length === 0) return "";
    if (chars.length <= 8) return "********";
    return chars.slice(0, 4).join("") + "*".repeat(chars.length - 4);
  }
  /** Compares two values in constant time (digests of equal length, so the length does not leak either). */
  equals(other) {
    return timingSafeEqual2(digest(this.#plaintext), digest(other.#plaintext));
  }
  toString() {
    return REDACTED2;
  }
  toJSON() {
    return REDACTED2;
  }
  valueOf() {
    return REDACTED2;
  }
  [Symbol.toPrimitive]() {
    return REDACTED2;
  }
  [inspect3.custom]() {
    return REDACTED2;
  }
};
function digest(text) {
  return createHash3("sha256").update(text, "utf8").digest();
}

// src/crypto/sealed-value.ts
var SealedValueError = class extends Error {
  constructor(code, message, place, options) {
    super(message, options);
    this.code = code;
    this.place = place;
  }
  code;
  place;
  name = "SealedValueError";
};
function parseSealedValue(text) {
  return parseSealedValueText(text) ?? null;
}
function describePlace(place) {
  return place.deployment === void 0 ? place.credentialId : `${place.credentialId} in deployment ${place.deployment}`;
}
function derivePlaceKey(masterKey, place) {
  return deriveKey(masterKey, placeInfo(place));
}
function openSealedValue(ring, place, sealed, candidates = []) {
  return openWithKey(ring, place, sealed, candidates).value;
}
function sealedPlaceInfo(recipientId, recipientPublicKey, ephemeralPublicKey, place) {
  return `credledger/v1/sealed/${recipientId}/${recipientPublicKey}/${ephemeralPublicKey}/${placeInfo(place).slice(VALUE_INFO_PREFIX.length)}`;
}
function openWithKey(ring, place, sealed, candidates) {
  const where = describePlace(place);
  const parts = parseSealedValue(sealed);
  if (parts === null) {
    throw new SealedValueError(
      "malformed",
      `the value of ${where} is not an encrypted value (fernet:<key-id>:<token> or sealed:<recipient-id>:<ephemeral-public-key>:<token>)`,
      place
    );
  }
  const opener = parts.kind === "fernet" ? fernetOpener(ring, place, parts) : sealedOpener(ring, place, parts);
  let decrypted;
  try {
    decrypted = decryptFernet(opener.keyFor(place), parts.token);
  } catch (error) {
    if (!(error instanceof FernetError)) throw error;
    if (error.reason !== "bad-hmac") {
      throw new SealedValueError("malformed", `the value of ${where} has a damaged token: ${error.message}`, place, { cause: error });
    }
    const owner = candidates.find((candidate) => !isSamePlace(candidate, place) && opensIn(opener, candidate, parts.token));
    if (owner !== void 0) {
      throw new SealedValueError("wrong-place", `this value belongs to ${describePlace(owner)}, not ${where}`, place);
    }
    const why = parts.kind === "fernet" ? "it was altered, or sealed for another place" : "it was altered, sealed for another place, or that key is not the recipient's";
    throw new SealedValueError("not-authentic", `the value of ${where} does not verify under ${opener.under}: ${why}`, place, { cause: error });
  }
  try {
    const value = SecretValue.fromUtf8(decrypted.plaintext, (text) => isRunIdentifier(place.credentialId, text));
    return { value, keyId: opener.keyId, issuedAt: decrypted.issuedAt };
  } catch (error) {
    throw new SealedValueError("not-utf8", `the value of ${where} decrypts to bytes that are not UTF-8 text`, place, { cause: error });
  }
}
function fernetOpener(ring, place, parts) {
  const master = requireKey(ring, place, parts.keyId, "it is encrypted");
  return { keyId: master.id, under: `key ${master.id}`, keyFor: (candidate) => derivePlaceKey(master.key, candidate) };
}
function sealedOpener(ring, place, parts) {
  const where = describePlace(place);
  const key = ring.sealingKeys.find((candidate) => candidate.recipientId === parts.recipientId);
  if (key === void 0) {
    throw new SealedValueError(
      "unknown-key",
      `the value of ${where}: it is sealed for recipient ${parts.recipientId}, whose private key ${ring.source} does not hold (it holds ${describeSealingRecipients(ring)})`,
      place
    );
  }
  const sharedSecret = agreeWith(key, parts, place);
  return {
    keyId: parts.keyId,
    under: `the sealing key of recipient ${key.recipientId} (public key ${key.id})`,
    keyFor: (candidate) => deriveFernetKeyFromSecret(sharedSecret, sealedPlaceInfo(key.recipientId, key.publicKey, parts.ephemeralPublicKey, candidate))
  };
}
function agreeWith(key, parts, place) {
  try {
    return key.agree(importPublicKey(parts.ephemeralPublicKey));
  } catch (error) {
    if (error instanceof SealingKeyError || error.code === "ERR_OSSL_FAILED_DURING_DERIVATION") {
      throw new SealedValueError("malformed", `the value of ${describePlace(place)} has an unusable ephemeral public key`, place, { cause: error });
    }
    throw error;
  }
}
function requireKey(ring, place, id, what, forFingerprint = false) {
  const usable = forFingerprint ? ring.keys : masterKeys(ring);
  const found = usable.find((entry) => entry.id === id);
  if (found !== void 0) return found;
  throw new SealedValueError(
    "unknown-key",
    `the value of ${describePlace(place)}: ${what} under key ${id}, which ${ring.source} does not hold (it holds ${describeKeyIds(ring)})`,
    place
  );
}
function isSamePlace(a, b) {
  return a.credentialId === b.credentialId && a.deployment === b.deployment;
}
function opensIn(opener, place, token) {
  try {
    decryptFernet(opener.keyFor(place), token);
    return true;
  } catch {
    return false;
  }
}
function placeInfo(place) {
  const parts = place.deployment === void 0 ? [place.credentialId] : [place.credentialId, place.deployment];
  if (parts.some((part) => part === "" || part.includes("/"))) {
    throw new SealedValueError("bad-place", `cannot key a value for ${describePlace(place)}: ids must be non-empty and contain no "/"`, place);
  }
  return `${VALUE_INFO_PREFIX}${parts.join("/")}`;
}
var VALUE_INFO_PREFIX = "credledger/v1/value/";
function deriveKey(masterKey, info) {
  return new FernetKey(Buffer.from(hkdfSync2("sha256", masterKey.rawBytes(), Buffer.alloc(0), info, 32)));
}

// src/crypto/inventory-values.ts
function diagnosticCodeFor(error) {
  return `value-${error.code}`;
}
function findingForSealedValueError(error, path2, advice = "") {
  return errorAt(diagnosticCodeFor(error), path2, advice === "" ? error.message : `${error.message}; ${advice}`);
}
function checkValuesOpen(inventory, ring) {
  const candidates = listValuePlaces(inventory);
  const findings = [];
  const openedByKeyId = {};
  let examined = 0;
  (inventory.recipients ?? []).forEach((recipient, index) => {
    const held = ring.sealingKeys.find((key) => key.recipientId === recipient.id);
    if (held === void 0 || held.publicKey === recipient.publicKey) return;
    findings.push(
      errorAt(
        "sealing-key-mismatch",
        ["encryption", "recipients", index, "public_key"],
        `the sealing key ${ring.source} holds for recipient ${recipient.id} belongs to public key ${held.publicKey}, not to the one listed here: it is not this recipient's private key`
      )
    );
  });
  for (const entry of listSealedValues(inventory)) {
    const parts = parseSealedValueText(entry.sealed);
    if (parts === void 0) continue;
    examined++;
    try {
      openSealedValue(ring, entry.place, entry.sealed, candidates);
      openedByKeyId[parts.keyId] = (openedByKeyId[parts.keyId] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      findings.push(findingForSealedValueError(error, entry.path));
    }
  }
  return { findings, examined, openedByKeyId };
}

// src/app/validate.ts
async function validateInventory(request) {
  const loaded = await loadInventoryFile(request.file, request.today);
  const found = await withYamlDocument(() => loaded.diagnostics);
  if (request.ring === void 0 || loaded.inventory === void 0) return { check: loaded, valid: !hasErrors(found) };
  const opened = checkValuesOpen(loaded.inventory, request.ring);
  const placed = await withYamlDocument(() => opened.findings.map((finding) => placeFinding(loaded.source, finding)));
  const diagnostics = sortDiagnostics([...found, ...placed]);
  const check = { source: loaded.source, inventory: loaded.inventory, diagnostics, errors: diagnostics.filter(isError) };
  return { check, valid: !hasErrors(diagnostics), decrypt: { values: opened.examined, openedByKeyId: opened.openedByKeyId } };
}

// src/cli/commands/validate-command.ts
var FORMATS2 = ["text", "json", "github", "sarif"];
var validateCommand = {
  name: "validate",
  help: `Usage: credledger validate [--file F] [--format text|json|github|sarif] [--now YYYY-MM-DD] [--decrypt [--key-file P]]

  -f, --file F     inventory file (default: credentials.yaml)
      --format     text (default), json, github (workflow annotations; the default when GITHUB_ACTIONS=true),
                   or sarif (SARIF 2.1.0 for code scanning; paths relative to the working directory)
      --now        the day to check dates against (default: today, UTC)
      --decrypt    also open every value with the keys (CREDLEDGER_KEY or --key-file): each must
                   decrypt, under a key the ring holds, in the place it was written for
      --key-file P read the keys from this file (one per line) instead of CREDLEDGER_KEY

Exit 0 when valid (warnings allowed), 1 when invalid, 64 on a usage error.`,
  options: { ...FILE_OPTION, ...NOW_OPTION, ...KEY_FILE_OPTION, format: { type: "string" }, decrypt: { type: "boolean" } },
  async run(commandLine, io) {
    const file = stringOption(commandLine, "file", DEFAULT_INVENTORY_FILE);
    const format = choiceOption(commandLine, "format", FORMATS2, defaultDiagnosticsFormat(io));
    const keyFile = stringOption(commandLine, "key-file");
    const decrypt = flagOption(commandLine, "decrypt");
    if (keyFile !== void 0 && !decrypt) throw new UsageError("--key-file is only read with --decrypt");
    const ring = decrypt ? await loadKeyRing({ env: io.env, keyFile }) : void 0;
    const { check, valid, decrypt: opened } = await validateInventory({ file, today: todayOption(commandLine, io), ring });
    const diagnostics = check.diagnostics;
    if (format === "sarif") {
      writeSarif(io, renderDiagnosticsSarif(diagnostics, sarifTargetFor(file)));
    } else if (format === "json") {
      const errors = diagnostics.filter((d) => d.severity === "error").length;
      const sealOnly = check.inventory ? listSealOnlyPeople(check.inventory) : [];
      const report = { file, valid, diagnostics, summary: { errors, warnings: diagnostics.length - errors }, ...opened ? { decrypt: opened } : {}, ...sealOnly.length > 0 ? { sealOnly } : {} };
      io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    } else if (format === "github") {
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsGitHub(diagnostics)}
`);
      io.stdout.write(`${file}: ${valid ? "valid" : "invalid"} (${summariseDiagnostics(diagnostics)})
`);
      if (opened) io.stdout.write(`${describeDecrypt(opened)}
`);
      writeSealOnlyNote(io, check.inventory);
    } else {
      const style = styleFor(io.stdout, io.env);
      if (diagnostics.length > 0) io.stdout.write(`${renderDiagnosticsText(diagnostics, check.source.lines, style)}

`);
      io.stdout.write(`${file}: ${valid ? "valid" : "invalid"} (${summariseDiagnostics(diagnostics)})
`);
      if (opened) io.stdout.write(`${describeDecrypt(opened)}
`);
      writeSealOnlyNote(io, check.inventory);
    }
    return valid ? ExitCode.ok : ExitCode.findings;
  }
};
function writeSealOnlyNote(io, inventory) {
  const note = inventory ? describeSealOnlyPeople(inventory) : void 0;
  if (note !== void 0) io.stdout.write(`${note}
`);
}
function describeDecrypt(summary) {
  const opened = Object.values(summary.openedByKeyId).reduce((sum, count) => sum + count, 0);
  const byKey = Object.entries(summary.openedByKeyId).map(([id, count]) => `${count} under ${describeValueKey(id)}`);
  return `decrypted ${opened} of ${summary.values} value${summary.values === 1 ? "" : "s"}${byKey.length > 0 ? ` (${byKey.join(", ")})` : ""}`;
}

// src/cli/run-cli.ts
var version = credledgerVersion;
function mainHelp(commands) {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `credledger ${version()}: a checked-in, encrypted inventory of DocuElevate credentials.

Usage: credledger <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n")}

Options:
  -h, --help     this help; \`credledger help <command>\` or \`credledger <command> --help\` for a command's
  -V, --version  the version of credledger

Exit codes: 0 ok, 1 findings, 2 changes (plan --detailed-exitcode), 3 external failure, 64 usage error.`;
}
var SECRET_ENVIRONMENT_VARIABLES = ["CREDLEDGER_KEY", "CREDLEDGER_SEALING_KEY"];
function redactingIo(io) {
  for (const name of SECRET_ENVIRONMENT_VARIABLES) {
    for (const key of keyEntriesOf(io.env[name] ?? "")) rememberRunSecret(key);
  }
  const redacting = (stream) => ({ write: (text) => stream.write(redactRunSecrets(text)), isTTY: stream.isTTY });
  return { ...io, stdout: redacting(io.stdout), stderr: redacting(io.stderr), clearStdout: io.stdout };
}
async function findCommand(name, io, entries) {
  const entry = entries.find((candidate) => candidate.name === name);
  if (entry) return entry.load();
  const names = entries.map((candidate) => candidate.name);
  const hint = describeSuggestion(name, names, (suggestion) => `\`credledger ${suggestion}\``);
  io.stderr.write(`credledger: unknown command \`${name}\`${hint}

${mainHelp(entries)}
`);
  return void 0;
}
async function runCommandLine(args, rawIo, entries) {
  const io = redactingIo(rawIo);
  const [name, ...rest] = args;
  if (name === "help" && rest[0] !== void 0) {
    const command2 = await findCommand(rest[0], io, entries);
    if (!command2) return ExitCode.usage;
    io.stdout.write(`${command2.help}
`);
    return ExitCode.ok;
  }
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${mainHelp(entries)}
`);
    return name === void 0 ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${version()}
`);
    return ExitCode.ok;
  }
  const command = await findCommand(name, io, entries);
  if (!command) return ExitCode.usage;
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.help}
`);
    return ExitCode.ok;
  }
  try {
    return await command.run(parseCommandLine(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`credledger ${command.name}: ${error.message}
`);
      return ExitCode.usage;
    }
    if (error instanceof ExternalError) {
      io.stderr.write(`credledger ${command.name}: ${error.message}
`);
      return ExitCode.external;
    }
    io.stderr.write(`credledger ${command.name}: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    return ExitCode.external;
  }
}

// src/cli/read-only-cli.ts
var READ_ONLY_COMMANDS = [validateCommand, statusCommand].map((command) => ({
  name: command.name,
  summary: COMMAND_SUMMARIES[command.name],
  load: async () => command
}));
function runReadOnlyCli(args) {
  return runCommandLine(args, processIo(), READ_ONLY_COMMANDS);
}
export {
  READ_ONLY_COMMANDS,
  runReadOnlyCli
};
