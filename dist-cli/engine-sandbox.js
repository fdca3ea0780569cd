(function (hostCall) {
"use strict";
"use strict";
var sandboxBundle = (() => {
  var __create = Object.create;
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __getProtoOf = Object.getPrototypeOf;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __commonJS = (cb, mod2) => function __require() {
    try {
      return mod2 || (0, cb[__getOwnPropNames(cb)[0]])((mod2 = { exports: {} }).exports, mod2), mod2.exports;
    } catch (e) {
      throw mod2 = 0, e;
    }
  };
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toESM = (mod2, isNodeMode, target) => (target = mod2 != null ? __create(__getProtoOf(mod2)) : {}, __copyProps(
    // If the importer is in node compatibility mode or this is not an ESM
    // file that has been converted to a CommonJS file using a Babel-
    // compatible transform (i.e. "__esModule" has not been set), then set
    // "default" to the CommonJS "module.exports" for node compatibility.
    isNodeMode || !mod2 || !mod2.__esModule ? __defProp(target, "default", { value: mod2, enumerable: true }) : target,
    mod2
  ));
  var __toCommonJS = (mod2) => __copyProps(__defProp({}, "__esModule", { value: true }), mod2);

  // node_modules/base64-js/index.js
  var require_base64_js = __commonJS({
    "node_modules/base64-js/index.js"(exports) {
      "use strict";
      exports.byteLength = byteLength2;
      exports.toByteArray = toByteArray;
      exports.fromByteArray = fromByteArray;
      var lookup = [];
      var revLookup = [];
      var Arr = typeof Uint8Array !== "undefined" ? Uint8Array : Array;
      var code = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      for (i2 = 0, len = code.length; i2 < len; ++i2) {
        lookup[i2] = code[i2];
        revLookup[code.charCodeAt(i2)] = i2;
      }
      var i2;
      var len;
      revLookup["-".charCodeAt(0)] = 62;
      revLookup["_".charCodeAt(0)] = 63;
      function getLens(b64) {
        var len2 = b64.length;
        if (len2 % 4 > 0) {
          throw new Error("Invalid string. Length must be a multiple of 4");
        }
        var validLen = b64.indexOf("=");
        if (validLen === -1) validLen = len2;
        var placeHoldersLen = validLen === len2 ? 0 : 4 - validLen % 4;
        return [validLen, placeHoldersLen];
      }
      function byteLength2(b64) {
        var lens = getLens(b64);
        var validLen = lens[0];
        var placeHoldersLen = lens[1];
        return (validLen + placeHoldersLen) * 3 / 4 - placeHoldersLen;
      }
      function _byteLength(b64, validLen, placeHoldersLen) {
        return (validLen + placeHoldersLen) * 3 / 4 - placeHoldersLen;
      }
      function toByteArray(b64) {
        var tmp;
        var lens = getLens(b64);
        var validLen = lens[0];
        var placeHoldersLen = lens[1];
        var arr = new Arr(_byteLength(b64, validLen, placeHoldersLen));
        var curByte = 0;
        var len2 = placeHoldersLen > 0 ? validLen - 4 : validLen;
        var i3;
        for (i3 = 0; i3 < len2; i3 += 4) {
          tmp = revLookup[b64.charCodeAt(i3)] << 18 | revLookup[b64.charCodeAt(i3 + 1)] << 12 | revLookup[b64.charCodeAt(i3 + 2)] << 6 | revLookup[b64.charCodeAt(i3 + 3)];
          arr[curByte++] = tmp >> 16 & 255;
          arr[curByte++] = tmp >> 8 & 255;
          arr[curByte++] = tmp & 255;
        }
        if (placeHoldersLen === 2) {
          tmp = revLookup[b64.charCodeAt(i3)] << 2 | revLookup[b64.charCodeAt(i3 + 1)] >> 4;
          arr[curByte++] = tmp & 255;
        }
        if (placeHoldersLen === 1) {
          tmp = revLookup[b64.charCodeAt(i3)] << 10 | revLookup[b64.charCodeAt(i3 + 1)] << 4 | revLookup[b64.charCodeAt(i3 + 2)] >> 2;
          arr[curByte++] = tmp >> 8 & 255;
          arr[curByte++] = tmp & 255;
        }
        return arr;
      }
      function tripletToBase64(num) {
        return lookup[num >> 18 & 63] + lookup[num >> 12 & 63] + lookup[num >> 6 & 63] + lookup[num & 63];
      }
      function encodeChunk(uint8, start, end) {
        var tmp;
        var output = [];
        for (var i3 = start; i3 < end; i3 += 3) {
          tmp = (uint8[i3] << 16 & 16711680) + (uint8[i3 + 1] << 8 & 65280) + (uint8[i3 + 2] & 255);
          output.push(tripletToBase64(tmp));
        }
        return output.join("");
      }
      function fromByteArray(uint8) {
        var tmp;
        var len2 = uint8.length;
        var extraBytes = len2 % 3;
        var parts = [];
        var maxChunkLength = 16383;
        for (var i3 = 0, len22 = len2 - extraBytes; i3 < len22; i3 += maxChunkLength) {
          parts.push(encodeChunk(uint8, i3, i3 + maxChunkLength > len22 ? len22 : i3 + maxChunkLength));
        }
        if (extraBytes === 1) {
          tmp = uint8[len2 - 1];
          parts.push(
            lookup[tmp >> 2] + lookup[tmp << 4 & 63] + "=="
          );
        } else if (extraBytes === 2) {
          tmp = (uint8[len2 - 2] << 8) + uint8[len2 - 1];
          parts.push(
            lookup[tmp >> 10] + lookup[tmp >> 4 & 63] + lookup[tmp << 2 & 63] + "="
          );
        }
        return parts.join("");
      }
    }
  });

  // node_modules/ieee754/index.js
  var require_ieee754 = __commonJS({
    "node_modules/ieee754/index.js"(exports) {
      exports.read = function(buffer, offset2, isLE2, mLen, nBytes) {
        var e, m;
        var eLen = nBytes * 8 - mLen - 1;
        var eMax = (1 << eLen) - 1;
        var eBias = eMax >> 1;
        var nBits = -7;
        var i2 = isLE2 ? nBytes - 1 : 0;
        var d = isLE2 ? -1 : 1;
        var s = buffer[offset2 + i2];
        i2 += d;
        e = s & (1 << -nBits) - 1;
        s >>= -nBits;
        nBits += eLen;
        for (; nBits > 0; e = e * 256 + buffer[offset2 + i2], i2 += d, nBits -= 8) {
        }
        m = e & (1 << -nBits) - 1;
        e >>= -nBits;
        nBits += mLen;
        for (; nBits > 0; m = m * 256 + buffer[offset2 + i2], i2 += d, nBits -= 8) {
        }
        if (e === 0) {
          e = 1 - eBias;
        } else if (e === eMax) {
          return m ? NaN : (s ? -1 : 1) * Infinity;
        } else {
          m = m + Math.pow(2, mLen);
          e = e - eBias;
        }
        return (s ? -1 : 1) * m * Math.pow(2, e - mLen);
      };
      exports.write = function(buffer, value, offset2, isLE2, mLen, nBytes) {
        var e, m, c;
        var eLen = nBytes * 8 - mLen - 1;
        var eMax = (1 << eLen) - 1;
        var eBias = eMax >> 1;
        var rt = mLen === 23 ? Math.pow(2, -24) - Math.pow(2, -77) : 0;
        var i2 = isLE2 ? 0 : nBytes - 1;
        var d = isLE2 ? 1 : -1;
        var s = value < 0 || value === 0 && 1 / value < 0 ? 1 : 0;
        value = Math.abs(value);
        if (isNaN(value) || value === Infinity) {
          m = isNaN(value) ? 1 : 0;
          e = eMax;
        } else {
          e = Math.floor(Math.log(value) / Math.LN2);
          if (value * (c = Math.pow(2, -e)) < 1) {
            e--;
            c *= 2;
          }
          if (e + eBias >= 1) {
            value += rt / c;
          } else {
            value += rt * Math.pow(2, 1 - eBias);
          }
          if (value * c >= 2) {
            e++;
            c /= 2;
          }
          if (e + eBias >= eMax) {
            m = 0;
            e = eMax;
          } else if (e + eBias >= 1) {
            m = (value * c - 1) * Math.pow(2, mLen);
            e = e + eBias;
          } else {
            m = value * Math.pow(2, eBias - 1) * Math.pow(2, mLen);
            e = 0;
          }
        }
        for (; mLen >= 8; buffer[offset2 + i2] = m & 255, i2 += d, m /= 256, mLen -= 8) {
        }
        e = e << mLen | m;
        eLen += mLen;
        for (; eLen > 0; buffer[offset2 + i2] = e & 255, i2 += d, e /= 256, eLen -= 8) {
        }
        buffer[offset2 + i2 - d] |= s * 128;
      };
    }
  });

  // node_modules/buffer/index.js
  var require_buffer = __commonJS({
    "node_modules/buffer/index.js"(exports) {
      "use strict";
      var base64 = require_base64_js();
      var ieee754 = require_ieee754();
      var customInspectSymbol = typeof Symbol === "function" && typeof Symbol["for"] === "function" ? Symbol["for"]("nodejs.util.inspect.custom") : null;
      exports.Buffer = Buffer6;
      exports.SlowBuffer = SlowBuffer;
      exports.INSPECT_MAX_BYTES = 50;
      var K_MAX_LENGTH = 2147483647;
      exports.kMaxLength = K_MAX_LENGTH;
      Buffer6.TYPED_ARRAY_SUPPORT = typedArraySupport();
      if (!Buffer6.TYPED_ARRAY_SUPPORT && typeof console !== "undefined" && typeof console.error === "function") {
        console.error(
          "This browser lacks typed array (Uint8Array) support which is required by `buffer` v5.x. Use `buffer` v4.x if you require old browser support."
        );
      }
      function typedArraySupport() {
        try {
          const arr = new Uint8Array(1);
          const proto = { foo: function() {
            return 42;
          } };
          Object.setPrototypeOf(proto, Uint8Array.prototype);
          Object.setPrototypeOf(arr, proto);
          return arr.foo() === 42;
        } catch (e) {
          return false;
        }
      }
      Object.defineProperty(Buffer6.prototype, "parent", {
        enumerable: true,
        get: function() {
          if (!Buffer6.isBuffer(this)) return void 0;
          return this.buffer;
        }
      });
      Object.defineProperty(Buffer6.prototype, "offset", {
        enumerable: true,
        get: function() {
          if (!Buffer6.isBuffer(this)) return void 0;
          return this.byteOffset;
        }
      });
      function createBuffer(length) {
        if (length > K_MAX_LENGTH) {
          throw new RangeError('The value "' + length + '" is invalid for option "size"');
        }
        const buf = new Uint8Array(length);
        Object.setPrototypeOf(buf, Buffer6.prototype);
        return buf;
      }
      function Buffer6(arg, encodingOrOffset, length) {
        if (typeof arg === "number") {
          if (typeof encodingOrOffset === "string") {
            throw new TypeError(
              'The "string" argument must be of type string. Received type number'
            );
          }
          return allocUnsafe(arg);
        }
        return from(arg, encodingOrOffset, length);
      }
      Buffer6.poolSize = 8192;
      function from(value, encodingOrOffset, length) {
        if (typeof value === "string") {
          return fromString(value, encodingOrOffset);
        }
        if (ArrayBuffer.isView(value)) {
          return fromArrayView(value);
        }
        if (value == null) {
          throw new TypeError(
            "The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type " + typeof value
          );
        }
        if (isInstance(value, ArrayBuffer) || value && isInstance(value.buffer, ArrayBuffer)) {
          return fromArrayBuffer(value, encodingOrOffset, length);
        }
        if (typeof SharedArrayBuffer !== "undefined" && (isInstance(value, SharedArrayBuffer) || value && isInstance(value.buffer, SharedArrayBuffer))) {
          return fromArrayBuffer(value, encodingOrOffset, length);
        }
        if (typeof value === "number") {
          throw new TypeError(
            'The "value" argument must not be of type number. Received type number'
          );
        }
        const valueOf = value.valueOf && value.valueOf();
        if (valueOf != null && valueOf !== value) {
          return Buffer6.from(valueOf, encodingOrOffset, length);
        }
        const b = fromObject(value);
        if (b) return b;
        if (typeof Symbol !== "undefined" && Symbol.toPrimitive != null && typeof value[Symbol.toPrimitive] === "function") {
          return Buffer6.from(value[Symbol.toPrimitive]("string"), encodingOrOffset, length);
        }
        throw new TypeError(
          "The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type " + typeof value
        );
      }
      Buffer6.from = function(value, encodingOrOffset, length) {
        return from(value, encodingOrOffset, length);
      };
      Object.setPrototypeOf(Buffer6.prototype, Uint8Array.prototype);
      Object.setPrototypeOf(Buffer6, Uint8Array);
      function assertSize(size) {
        if (typeof size !== "number") {
          throw new TypeError('"size" argument must be of type number');
        } else if (size < 0) {
          throw new RangeError('The value "' + size + '" is invalid for option "size"');
        }
      }
      function alloc(size, fill, encoding) {
        assertSize(size);
        if (size <= 0) {
          return createBuffer(size);
        }
        if (fill !== void 0) {
          return typeof encoding === "string" ? createBuffer(size).fill(fill, encoding) : createBuffer(size).fill(fill);
        }
        return createBuffer(size);
      }
      Buffer6.alloc = function(size, fill, encoding) {
        return alloc(size, fill, encoding);
      };
      function allocUnsafe(size) {
        assertSize(size);
        return createBuffer(size < 0 ? 0 : checked(size) | 0);
      }
      Buffer6.allocUnsafe = function(size) {
        return allocUnsafe(size);
      };
      Buffer6.allocUnsafeSlow = function(size) {
        return allocUnsafe(size);
      };
      function fromString(string2, encoding) {
        if (typeof encoding !== "string" || encoding === "") {
          encoding = "utf8";
        }
        if (!Buffer6.isEncoding(encoding)) {
          throw new TypeError("Unknown encoding: " + encoding);
        }
        const length = byteLength2(string2, encoding) | 0;
        let buf = createBuffer(length);
        const actual = buf.write(string2, encoding);
        if (actual !== length) {
          buf = buf.slice(0, actual);
        }
        return buf;
      }
      function fromArrayLike(array) {
        const length = array.length < 0 ? 0 : checked(array.length) | 0;
        const buf = createBuffer(length);
        for (let i2 = 0; i2 < length; i2 += 1) {
          buf[i2] = array[i2] & 255;
        }
        return buf;
      }
      function fromArrayView(arrayView) {
        if (isInstance(arrayView, Uint8Array)) {
          const copy = new Uint8Array(arrayView);
          return fromArrayBuffer(copy.buffer, copy.byteOffset, copy.byteLength);
        }
        return fromArrayLike(arrayView);
      }
      function fromArrayBuffer(array, byteOffset, length) {
        if (byteOffset < 0 || array.byteLength < byteOffset) {
          throw new RangeError('"offset" is outside of buffer bounds');
        }
        if (array.byteLength < byteOffset + (length || 0)) {
          throw new RangeError('"length" is outside of buffer bounds');
        }
        let buf;
        if (byteOffset === void 0 && length === void 0) {
          buf = new Uint8Array(array);
        } else if (length === void 0) {
          buf = new Uint8Array(array, byteOffset);
        } else {
          buf = new Uint8Array(array, byteOffset, length);
        }
        Object.setPrototypeOf(buf, Buffer6.prototype);
        return buf;
      }
      function fromObject(obj) {
        if (Buffer6.isBuffer(obj)) {
          const len = checked(obj.length) | 0;
          const buf = createBuffer(len);
          if (buf.length === 0) {
            return buf;
          }
          obj.copy(buf, 0, 0, len);
          return buf;
        }
        if (obj.length !== void 0) {
          if (typeof obj.length !== "number" || numberIsNaN(obj.length)) {
            return createBuffer(0);
          }
          return fromArrayLike(obj);
        }
        if (obj.type === "Buffer" && Array.isArray(obj.data)) {
          return fromArrayLike(obj.data);
        }
      }
      function checked(length) {
        if (length >= K_MAX_LENGTH) {
          throw new RangeError("Attempt to allocate Buffer larger than maximum size: 0x" + K_MAX_LENGTH.toString(16) + " bytes");
        }
        return length | 0;
      }
      function SlowBuffer(length) {
        if (+length != length) {
          length = 0;
        }
        return Buffer6.alloc(+length);
      }
      Buffer6.isBuffer = function isBuffer(b) {
        return b != null && b._isBuffer === true && b !== Buffer6.prototype;
      };
      Buffer6.compare = function compare(a, b) {
        if (isInstance(a, Uint8Array)) a = Buffer6.from(a, a.offset, a.byteLength);
        if (isInstance(b, Uint8Array)) b = Buffer6.from(b, b.offset, b.byteLength);
        if (!Buffer6.isBuffer(a) || !Buffer6.isBuffer(b)) {
          throw new TypeError(
            'The "buf1", "buf2" arguments must be one of type Buffer or Uint8Array'
          );
        }
        if (a === b) return 0;
        let x = a.length;
        let y = b.length;
        for (let i2 = 0, len = Math.min(x, y); i2 < len; ++i2) {
          if (a[i2] !== b[i2]) {
            x = a[i2];
            y = b[i2];
            break;
          }
        }
        if (x < y) return -1;
        if (y < x) return 1;
        return 0;
      };
      Buffer6.isEncoding = function isEncoding(encoding) {
        switch (String(encoding).toLowerCase()) {
          case "hex":
          case "utf8":
          case "utf-8":
          case "ascii":
          case "latin1":
          case "binary":
          case "base64":
          case "ucs2":
          case "ucs-2":
          case "utf16le":
          case "utf-16le":
            return true;
          default:
            return false;
        }
      };
      Buffer6.concat = function concat(list2, length) {
        if (!Array.isArray(list2)) {
          throw new TypeError('"list" argument must be an Array of Buffers');
        }
        if (list2.length === 0) {
          return Buffer6.alloc(0);
        }
        let i2;
        if (length === void 0) {
          length = 0;
          for (i2 = 0; i2 < list2.length; ++i2) {
            length += list2[i2].length;
          }
        }
        const buffer = Buffer6.allocUnsafe(length);
        let pos = 0;
        for (i2 = 0; i2 < list2.length; ++i2) {
          let buf = list2[i2];
          if (isInstance(buf, Uint8Array)) {
            if (pos + buf.length > buffer.length) {
              if (!Buffer6.isBuffer(buf)) buf = Buffer6.from(buf);
              buf.copy(buffer, pos);
            } else {
              Uint8Array.prototype.set.call(
                buffer,
                buf,
                pos
              );
            }
          } else if (!Buffer6.isBuffer(buf)) {
            throw new TypeError('"list" argument must be an Array of Buffers');
          } else {
            buf.copy(buffer, pos);
          }
          pos += buf.length;
        }
        return buffer;
      };
      function byteLength2(string2, encoding) {
        if (Buffer6.isBuffer(string2)) {
          return string2.length;
        }
        if (ArrayBuffer.isView(string2) || isInstance(string2, ArrayBuffer)) {
          return string2.byteLength;
        }
        if (typeof string2 !== "string") {
          throw new TypeError(
            'The "string" argument must be one of type string, Buffer, or ArrayBuffer. Received type ' + typeof string2
          );
        }
        const len = string2.length;
        const mustMatch = arguments.length > 2 && arguments[2] === true;
        if (!mustMatch && len === 0) return 0;
        let loweredCase = false;
        for (; ; ) {
          switch (encoding) {
            case "ascii":
            case "latin1":
            case "binary":
              return len;
            case "utf8":
            case "utf-8":
              return utf8ToBytes2(string2).length;
            case "ucs2":
            case "ucs-2":
            case "utf16le":
            case "utf-16le":
              return len * 2;
            case "hex":
              return len >>> 1;
            case "base64":
              return base64ToBytes(string2).length;
            default:
              if (loweredCase) {
                return mustMatch ? -1 : utf8ToBytes2(string2).length;
              }
              encoding = ("" + encoding).toLowerCase();
              loweredCase = true;
          }
        }
      }
      Buffer6.byteLength = byteLength2;
      function slowToString(encoding, start, end) {
        let loweredCase = false;
        if (start === void 0 || start < 0) {
          start = 0;
        }
        if (start > this.length) {
          return "";
        }
        if (end === void 0 || end > this.length) {
          end = this.length;
        }
        if (end <= 0) {
          return "";
        }
        end >>>= 0;
        start >>>= 0;
        if (end <= start) {
          return "";
        }
        if (!encoding) encoding = "utf8";
        while (true) {
          switch (encoding) {
            case "hex":
              return hexSlice(this, start, end);
            case "utf8":
            case "utf-8":
              return utf8Slice(this, start, end);
            case "ascii":
              return asciiSlice(this, start, end);
            case "latin1":
            case "binary":
              return latin1Slice(this, start, end);
            case "base64":
              return base64Slice(this, start, end);
            case "ucs2":
            case "ucs-2":
            case "utf16le":
            case "utf-16le":
              return utf16leSlice(this, start, end);
            default:
              if (loweredCase) throw new TypeError("Unknown encoding: " + encoding);
              encoding = (encoding + "").toLowerCase();
              loweredCase = true;
          }
        }
      }
      Buffer6.prototype._isBuffer = true;
      function swap(b, n, m) {
        const i2 = b[n];
        b[n] = b[m];
        b[m] = i2;
      }
      Buffer6.prototype.swap16 = function swap16() {
        const len = this.length;
        if (len % 2 !== 0) {
          throw new RangeError("Buffer size must be a multiple of 16-bits");
        }
        for (let i2 = 0; i2 < len; i2 += 2) {
          swap(this, i2, i2 + 1);
        }
        return this;
      };
      Buffer6.prototype.swap32 = function swap32() {
        const len = this.length;
        if (len % 4 !== 0) {
          throw new RangeError("Buffer size must be a multiple of 32-bits");
        }
        for (let i2 = 0; i2 < len; i2 += 4) {
          swap(this, i2, i2 + 3);
          swap(this, i2 + 1, i2 + 2);
        }
        return this;
      };
      Buffer6.prototype.swap64 = function swap64() {
        const len = this.length;
        if (len % 8 !== 0) {
          throw new RangeError("Buffer size must be a multiple of 64-bits");
        }
        for (let i2 = 0; i2 < len; i2 += 8) {
          swap(this, i2, i2 + 7);
          swap(this, i2 + 1, i2 + 6);
          swap(this, i2 + 2, i2 + 5);
          swap(this, i2 + 3, i2 + 4);
        }
        return this;
      };
      Buffer6.prototype.toString = function toString2() {
        const length = this.length;
        if (length === 0) return "";
        if (arguments.length === 0) return utf8Slice(this, 0, length);
        return slowToString.apply(this, arguments);
      };
      Buffer6.prototype.toLocaleString = Buffer6.prototype.toString;
      Buffer6.prototype.equals = function equals(b) {
        if (!Buffer6.isBuffer(b)) throw new TypeError("Argument must be a Buffer");
        if (this === b) return true;
        return Buffer6.compare(this, b) === 0;
      };
      Buffer6.prototype.inspect = function inspect3() {
        let str = "";
        const max = exports.INSPECT_MAX_BYTES;
        str = this.toString("hex", 0, max).replace(/(.{2})/g, "$1 ").trim();
        if (this.length > max) str += " ... ";
        return "<Buffer " + str + ">";
      };
      if (customInspectSymbol) {
        Buffer6.prototype[customInspectSymbol] = Buffer6.prototype.inspect;
      }
      Buffer6.prototype.compare = function compare(target, start, end, thisStart, thisEnd) {
        if (isInstance(target, Uint8Array)) {
          target = Buffer6.from(target, target.offset, target.byteLength);
        }
        if (!Buffer6.isBuffer(target)) {
          throw new TypeError(
            'The "target" argument must be one of type Buffer or Uint8Array. Received type ' + typeof target
          );
        }
        if (start === void 0) {
          start = 0;
        }
        if (end === void 0) {
          end = target ? target.length : 0;
        }
        if (thisStart === void 0) {
          thisStart = 0;
        }
        if (thisEnd === void 0) {
          thisEnd = this.length;
        }
        if (start < 0 || end > target.length || thisStart < 0 || thisEnd > this.length) {
          throw new RangeError("out of range index");
        }
        if (thisStart >= thisEnd && start >= end) {
          return 0;
        }
        if (thisStart >= thisEnd) {
          return -1;
        }
        if (start >= end) {
          return 1;
        }
        start >>>= 0;
        end >>>= 0;
        thisStart >>>= 0;
        thisEnd >>>= 0;
        if (this === target) return 0;
        let x = thisEnd - thisStart;
        let y = end - start;
        const len = Math.min(x, y);
        const thisCopy = this.slice(thisStart, thisEnd);
        const targetCopy = target.slice(start, end);
        for (let i2 = 0; i2 < len; ++i2) {
          if (thisCopy[i2] !== targetCopy[i2]) {
            x = thisCopy[i2];
            y = targetCopy[i2];
            break;
          }
        }
        if (x < y) return -1;
        if (y < x) return 1;
        return 0;
      };
      function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
        if (buffer.length === 0) return -1;
        if (typeof byteOffset === "string") {
          encoding = byteOffset;
          byteOffset = 0;
        } else if (byteOffset > 2147483647) {
          byteOffset = 2147483647;
        } else if (byteOffset < -2147483648) {
          byteOffset = -2147483648;
        }
        byteOffset = +byteOffset;
        if (numberIsNaN(byteOffset)) {
          byteOffset = dir ? 0 : buffer.length - 1;
        }
        if (byteOffset < 0) byteOffset = buffer.length + byteOffset;
        if (byteOffset >= buffer.length) {
          if (dir) return -1;
          else byteOffset = buffer.length - 1;
        } else if (byteOffset < 0) {
          if (dir) byteOffset = 0;
          else return -1;
        }
        if (typeof val === "string") {
          val = Buffer6.from(val, encoding);
        }
        if (Buffer6.isBuffer(val)) {
          if (val.length === 0) {
            return -1;
          }
          return arrayIndexOf(buffer, val, byteOffset, encoding, dir);
        } else if (typeof val === "number") {
          val = val & 255;
          if (typeof Uint8Array.prototype.indexOf === "function") {
            if (dir) {
              return Uint8Array.prototype.indexOf.call(buffer, val, byteOffset);
            } else {
              return Uint8Array.prototype.lastIndexOf.call(buffer, val, byteOffset);
            }
          }
          return arrayIndexOf(buffer, [val], byteOffset, encoding, dir);
        }
        throw new TypeError("val must be string, number or Buffer");
      }
      function arrayIndexOf(arr, val, byteOffset, encoding, dir) {
        let indexSize = 1;
        let arrLength = arr.length;
        let valLength = val.length;
        if (encoding !== void 0) {
          encoding = String(encoding).toLowerCase();
          if (encoding === "ucs2" || encoding === "ucs-2" || encoding === "utf16le" || encoding === "utf-16le") {
            if (arr.length < 2 || val.length < 2) {
              return -1;
            }
            indexSize = 2;
            arrLength /= 2;
            valLength /= 2;
            byteOffset /= 2;
          }
        }
        function read(buf, i3) {
          if (indexSize === 1) {
            return buf[i3];
          } else {
            return buf.readUInt16BE(i3 * indexSize);
          }
        }
        let i2;
        if (dir) {
          let foundIndex = -1;
          for (i2 = byteOffset; i2 < arrLength; i2++) {
            if (read(arr, i2) === read(val, foundIndex === -1 ? 0 : i2 - foundIndex)) {
              if (foundIndex === -1) foundIndex = i2;
              if (i2 - foundIndex + 1 === valLength) return foundIndex * indexSize;
            } else {
              if (foundIndex !== -1) i2 -= i2 - foundIndex;
              foundIndex = -1;
            }
          }
        } else {
          if (byteOffset + valLength > arrLength) byteOffset = arrLength - valLength;
          for (i2 = byteOffset; i2 >= 0; i2--) {
            let found = true;
            for (let j = 0; j < valLength; j++) {
              if (read(arr, i2 + j) !== read(val, j)) {
                found = false;
                break;
              }
            }
            if (found) return i2;
          }
        }
        return -1;
      }
      Buffer6.prototype.includes = function includes(val, byteOffset, encoding) {
        return this.indexOf(val, byteOffset, encoding) !== -1;
      };
      Buffer6.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
        return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
      };
      Buffer6.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
        return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
      };
      function hexWrite(buf, string2, offset2, length) {
        offset2 = Number(offset2) || 0;
        const remaining = buf.length - offset2;
        if (!length) {
          length = remaining;
        } else {
          length = Number(length);
          if (length > remaining) {
            length = remaining;
          }
        }
        const strLen = string2.length;
        if (length > strLen / 2) {
          length = strLen / 2;
        }
        let i2;
        for (i2 = 0; i2 < length; ++i2) {
          const parsed = parseInt(string2.substr(i2 * 2, 2), 16);
          if (numberIsNaN(parsed)) return i2;
          buf[offset2 + i2] = parsed;
        }
        return i2;
      }
      function utf8Write(buf, string2, offset2, length) {
        return blitBuffer(utf8ToBytes2(string2, buf.length - offset2), buf, offset2, length);
      }
      function asciiWrite(buf, string2, offset2, length) {
        return blitBuffer(asciiToBytes(string2), buf, offset2, length);
      }
      function base64Write(buf, string2, offset2, length) {
        return blitBuffer(base64ToBytes(string2), buf, offset2, length);
      }
      function ucs2Write(buf, string2, offset2, length) {
        return blitBuffer(utf16leToBytes(string2, buf.length - offset2), buf, offset2, length);
      }
      Buffer6.prototype.write = function write(string2, offset2, length, encoding) {
        if (offset2 === void 0) {
          encoding = "utf8";
          length = this.length;
          offset2 = 0;
        } else if (length === void 0 && typeof offset2 === "string") {
          encoding = offset2;
          length = this.length;
          offset2 = 0;
        } else if (isFinite(offset2)) {
          offset2 = offset2 >>> 0;
          if (isFinite(length)) {
            length = length >>> 0;
            if (encoding === void 0) encoding = "utf8";
          } else {
            encoding = length;
            length = void 0;
          }
        } else {
          throw new Error(
            "Buffer.write(string, encoding, offset[, length]) is no longer supported"
          );
        }
        const remaining = this.length - offset2;
        if (length === void 0 || length > remaining) length = remaining;
        if (string2.length > 0 && (length < 0 || offset2 < 0) || offset2 > this.length) {
          throw new RangeError("Attempt to write outside buffer bounds");
        }
        if (!encoding) encoding = "utf8";
        let loweredCase = false;
        for (; ; ) {
          switch (encoding) {
            case "hex":
              return hexWrite(this, string2, offset2, length);
            case "utf8":
            case "utf-8":
              return utf8Write(this, string2, offset2, length);
            case "ascii":
            case "latin1":
            case "binary":
              return asciiWrite(this, string2, offset2, length);
            case "base64":
              return base64Write(this, string2, offset2, length);
            case "ucs2":
            case "ucs-2":
            case "utf16le":
            case "utf-16le":
              return ucs2Write(this, string2, offset2, length);
            default:
              if (loweredCase) throw new TypeError("Unknown encoding: " + encoding);
              encoding = ("" + encoding).toLowerCase();
              loweredCase = true;
          }
        }
      };
      Buffer6.prototype.toJSON = function toJSON() {
        return {
          type: "Buffer",
          data: Array.prototype.slice.call(this._arr || this, 0)
        };
      };
      function base64Slice(buf, start, end) {
        if (start === 0 && end === buf.length) {
          return base64.fromByteArray(buf);
        } else {
          return base64.fromByteArray(buf.slice(start, end));
        }
      }
      function utf8Slice(buf, start, end) {
        end = Math.min(buf.length, end);
        const res = [];
        let i2 = start;
        while (i2 < end) {
          const firstByte = buf[i2];
          let codePoint = null;
          let bytesPerSequence = firstByte > 239 ? 4 : firstByte > 223 ? 3 : firstByte > 191 ? 2 : 1;
          if (i2 + bytesPerSequence <= end) {
            let secondByte, thirdByte, fourthByte, tempCodePoint;
            switch (bytesPerSequence) {
              case 1:
                if (firstByte < 128) {
                  codePoint = firstByte;
                }
                break;
              case 2:
                secondByte = buf[i2 + 1];
                if ((secondByte & 192) === 128) {
                  tempCodePoint = (firstByte & 31) << 6 | secondByte & 63;
                  if (tempCodePoint > 127) {
                    codePoint = tempCodePoint;
                  }
                }
                break;
              case 3:
                secondByte = buf[i2 + 1];
                thirdByte = buf[i2 + 2];
                if ((secondByte & 192) === 128 && (thirdByte & 192) === 128) {
                  tempCodePoint = (firstByte & 15) << 12 | (secondByte & 63) << 6 | thirdByte & 63;
                  if (tempCodePoint > 2047 && (tempCodePoint < 55296 || tempCodePoint > 57343)) {
                    codePoint = tempCodePoint;
                  }
                }
                break;
              case 4:
                secondByte = buf[i2 + 1];
                thirdByte = buf[i2 + 2];
                fourthByte = buf[i2 + 3];
                if ((secondByte & 192) === 128 && (thirdByte & 192) === 128 && (fourthByte & 192) === 128) {
                  tempCodePoint = (firstByte & 15) << 18 | (secondByte & 63) << 12 | (thirdByte & 63) << 6 | fourthByte & 63;
                  if (tempCodePoint > 65535 && tempCodePoint < 1114112) {
                    codePoint = tempCodePoint;
                  }
                }
            }
          }
          if (codePoint === null) {
            codePoint = 65533;
            bytesPerSequence = 1;
          } else if (codePoint > 65535) {
            codePoint -= 65536;
            res.push(codePoint >>> 10 & 1023 | 55296);
            codePoint = 56320 | codePoint & 1023;
          }
          res.push(codePoint);
          i2 += bytesPerSequence;
        }
        return decodeCodePointsArray(res);
      }
      var MAX_ARGUMENTS_LENGTH = 4096;
      function decodeCodePointsArray(codePoints) {
        const len = codePoints.length;
        if (len <= MAX_ARGUMENTS_LENGTH) {
          return String.fromCharCode.apply(String, codePoints);
        }
        let res = "";
        let i2 = 0;
        while (i2 < len) {
          res += String.fromCharCode.apply(
            String,
            codePoints.slice(i2, i2 += MAX_ARGUMENTS_LENGTH)
          );
        }
        return res;
      }
      function asciiSlice(buf, start, end) {
        let ret = "";
        end = Math.min(buf.length, end);
        for (let i2 = start; i2 < end; ++i2) {
          ret += String.fromCharCode(buf[i2] & 127);
        }
        return ret;
      }
      function latin1Slice(buf, start, end) {
        let ret = "";
        end = Math.min(buf.length, end);
        for (let i2 = start; i2 < end; ++i2) {
          ret += String.fromCharCode(buf[i2]);
        }
        return ret;
      }
      function hexSlice(buf, start, end) {
        const len = buf.length;
        if (!start || start < 0) start = 0;
        if (!end || end < 0 || end > len) end = len;
        let out = "";
        for (let i2 = start; i2 < end; ++i2) {
          out += hexSliceLookupTable[buf[i2]];
        }
        return out;
      }
      function utf16leSlice(buf, start, end) {
        const bytes = buf.slice(start, end);
        let res = "";
        for (let i2 = 0; i2 < bytes.length - 1; i2 += 2) {
          res += String.fromCharCode(bytes[i2] + bytes[i2 + 1] * 256);
        }
        return res;
      }
      Buffer6.prototype.slice = function slice(start, end) {
        const len = this.length;
        start = ~~start;
        end = end === void 0 ? len : ~~end;
        if (start < 0) {
          start += len;
          if (start < 0) start = 0;
        } else if (start > len) {
          start = len;
        }
        if (end < 0) {
          end += len;
          if (end < 0) end = 0;
        } else if (end > len) {
          end = len;
        }
        if (end < start) end = start;
        const newBuf = this.subarray(start, end);
        Object.setPrototypeOf(newBuf, Buffer6.prototype);
        return newBuf;
      };
      function checkOffset(offset2, ext, length) {
        if (offset2 % 1 !== 0 || offset2 < 0) throw new RangeError("offset is not uint");
        if (offset2 + ext > length) throw new RangeError("Trying to access beyond buffer length");
      }
      Buffer6.prototype.readUintLE = Buffer6.prototype.readUIntLE = function readUIntLE(offset2, byteLength3, noAssert) {
        offset2 = offset2 >>> 0;
        byteLength3 = byteLength3 >>> 0;
        if (!noAssert) checkOffset(offset2, byteLength3, this.length);
        let val = this[offset2];
        let mul = 1;
        let i2 = 0;
        while (++i2 < byteLength3 && (mul *= 256)) {
          val += this[offset2 + i2] * mul;
        }
        return val;
      };
      Buffer6.prototype.readUintBE = Buffer6.prototype.readUIntBE = function readUIntBE(offset2, byteLength3, noAssert) {
        offset2 = offset2 >>> 0;
        byteLength3 = byteLength3 >>> 0;
        if (!noAssert) {
          checkOffset(offset2, byteLength3, this.length);
        }
        let val = this[offset2 + --byteLength3];
        let mul = 1;
        while (byteLength3 > 0 && (mul *= 256)) {
          val += this[offset2 + --byteLength3] * mul;
        }
        return val;
      };
      Buffer6.prototype.readUint8 = Buffer6.prototype.readUInt8 = function readUInt8(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 1, this.length);
        return this[offset2];
      };
      Buffer6.prototype.readUint16LE = Buffer6.prototype.readUInt16LE = function readUInt16LE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 2, this.length);
        return this[offset2] | this[offset2 + 1] << 8;
      };
      Buffer6.prototype.readUint16BE = Buffer6.prototype.readUInt16BE = function readUInt16BE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 2, this.length);
        return this[offset2] << 8 | this[offset2 + 1];
      };
      Buffer6.prototype.readUint32LE = Buffer6.prototype.readUInt32LE = function readUInt32LE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 4, this.length);
        return (this[offset2] | this[offset2 + 1] << 8 | this[offset2 + 2] << 16) + this[offset2 + 3] * 16777216;
      };
      Buffer6.prototype.readUint32BE = Buffer6.prototype.readUInt32BE = function readUInt32BE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 4, this.length);
        return this[offset2] * 16777216 + (this[offset2 + 1] << 16 | this[offset2 + 2] << 8 | this[offset2 + 3]);
      };
      Buffer6.prototype.readBigUInt64LE = defineBigIntMethod(function readBigUInt64LE(offset2) {
        offset2 = offset2 >>> 0;
        validateNumber(offset2, "offset");
        const first = this[offset2];
        const last = this[offset2 + 7];
        if (first === void 0 || last === void 0) {
          boundsError(offset2, this.length - 8);
        }
        const lo = first + this[++offset2] * 2 ** 8 + this[++offset2] * 2 ** 16 + this[++offset2] * 2 ** 24;
        const hi = this[++offset2] + this[++offset2] * 2 ** 8 + this[++offset2] * 2 ** 16 + last * 2 ** 24;
        return BigInt(lo) + (BigInt(hi) << BigInt(32));
      });
      Buffer6.prototype.readBigUInt64BE = defineBigIntMethod(function readBigUInt64BE(offset2) {
        offset2 = offset2 >>> 0;
        validateNumber(offset2, "offset");
        const first = this[offset2];
        const last = this[offset2 + 7];
        if (first === void 0 || last === void 0) {
          boundsError(offset2, this.length - 8);
        }
        const hi = first * 2 ** 24 + this[++offset2] * 2 ** 16 + this[++offset2] * 2 ** 8 + this[++offset2];
        const lo = this[++offset2] * 2 ** 24 + this[++offset2] * 2 ** 16 + this[++offset2] * 2 ** 8 + last;
        return (BigInt(hi) << BigInt(32)) + BigInt(lo);
      });
      Buffer6.prototype.readIntLE = function readIntLE(offset2, byteLength3, noAssert) {
        offset2 = offset2 >>> 0;
        byteLength3 = byteLength3 >>> 0;
        if (!noAssert) checkOffset(offset2, byteLength3, this.length);
        let val = this[offset2];
        let mul = 1;
        let i2 = 0;
        while (++i2 < byteLength3 && (mul *= 256)) {
          val += this[offset2 + i2] * mul;
        }
        mul *= 128;
        if (val >= mul) val -= Math.pow(2, 8 * byteLength3);
        return val;
      };
      Buffer6.prototype.readIntBE = function readIntBE(offset2, byteLength3, noAssert) {
        offset2 = offset2 >>> 0;
        byteLength3 = byteLength3 >>> 0;
        if (!noAssert) checkOffset(offset2, byteLength3, this.length);
        let i2 = byteLength3;
        let mul = 1;
        let val = this[offset2 + --i2];
        while (i2 > 0 && (mul *= 256)) {
          val += this[offset2 + --i2] * mul;
        }
        mul *= 128;
        if (val >= mul) val -= Math.pow(2, 8 * byteLength3);
        return val;
      };
      Buffer6.prototype.readInt8 = function readInt8(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 1, this.length);
        if (!(this[offset2] & 128)) return this[offset2];
        return (255 - this[offset2] + 1) * -1;
      };
      Buffer6.prototype.readInt16LE = function readInt16LE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 2, this.length);
        const val = this[offset2] | this[offset2 + 1] << 8;
        return val & 32768 ? val | 4294901760 : val;
      };
      Buffer6.prototype.readInt16BE = function readInt16BE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 2, this.length);
        const val = this[offset2 + 1] | this[offset2] << 8;
        return val & 32768 ? val | 4294901760 : val;
      };
      Buffer6.prototype.readInt32LE = function readInt32LE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 4, this.length);
        return this[offset2] | this[offset2 + 1] << 8 | this[offset2 + 2] << 16 | this[offset2 + 3] << 24;
      };
      Buffer6.prototype.readInt32BE = function readInt32BE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 4, this.length);
        return this[offset2] << 24 | this[offset2 + 1] << 16 | this[offset2 + 2] << 8 | this[offset2 + 3];
      };
      Buffer6.prototype.readBigInt64LE = defineBigIntMethod(function readBigInt64LE(offset2) {
        offset2 = offset2 >>> 0;
        validateNumber(offset2, "offset");
        const first = this[offset2];
        const last = this[offset2 + 7];
        if (first === void 0 || last === void 0) {
          boundsError(offset2, this.length - 8);
        }
        const val = this[offset2 + 4] + this[offset2 + 5] * 2 ** 8 + this[offset2 + 6] * 2 ** 16 + (last << 24);
        return (BigInt(val) << BigInt(32)) + BigInt(first + this[++offset2] * 2 ** 8 + this[++offset2] * 2 ** 16 + this[++offset2] * 2 ** 24);
      });
      Buffer6.prototype.readBigInt64BE = defineBigIntMethod(function readBigInt64BE(offset2) {
        offset2 = offset2 >>> 0;
        validateNumber(offset2, "offset");
        const first = this[offset2];
        const last = this[offset2 + 7];
        if (first === void 0 || last === void 0) {
          boundsError(offset2, this.length - 8);
        }
        const val = (first << 24) + // Overflow
        this[++offset2] * 2 ** 16 + this[++offset2] * 2 ** 8 + this[++offset2];
        return (BigInt(val) << BigInt(32)) + BigInt(this[++offset2] * 2 ** 24 + this[++offset2] * 2 ** 16 + this[++offset2] * 2 ** 8 + last);
      });
      Buffer6.prototype.readFloatLE = function readFloatLE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 4, this.length);
        return ieee754.read(this, offset2, true, 23, 4);
      };
      Buffer6.prototype.readFloatBE = function readFloatBE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 4, this.length);
        return ieee754.read(this, offset2, false, 23, 4);
      };
      Buffer6.prototype.readDoubleLE = function readDoubleLE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 8, this.length);
        return ieee754.read(this, offset2, true, 52, 8);
      };
      Buffer6.prototype.readDoubleBE = function readDoubleBE(offset2, noAssert) {
        offset2 = offset2 >>> 0;
        if (!noAssert) checkOffset(offset2, 8, this.length);
        return ieee754.read(this, offset2, false, 52, 8);
      };
      function checkInt(buf, value, offset2, ext, max, min) {
        if (!Buffer6.isBuffer(buf)) throw new TypeError('"buffer" argument must be a Buffer instance');
        if (value > max || value < min) throw new RangeError('"value" argument is out of bounds');
        if (offset2 + ext > buf.length) throw new RangeError("Index out of range");
      }
      Buffer6.prototype.writeUintLE = Buffer6.prototype.writeUIntLE = function writeUIntLE(value, offset2, byteLength3, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        byteLength3 = byteLength3 >>> 0;
        if (!noAssert) {
          const maxBytes = Math.pow(2, 8 * byteLength3) - 1;
          checkInt(this, value, offset2, byteLength3, maxBytes, 0);
        }
        let mul = 1;
        let i2 = 0;
        this[offset2] = value & 255;
        while (++i2 < byteLength3 && (mul *= 256)) {
          this[offset2 + i2] = value / mul & 255;
        }
        return offset2 + byteLength3;
      };
      Buffer6.prototype.writeUintBE = Buffer6.prototype.writeUIntBE = function writeUIntBE(value, offset2, byteLength3, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        byteLength3 = byteLength3 >>> 0;
        if (!noAssert) {
          const maxBytes = Math.pow(2, 8 * byteLength3) - 1;
          checkInt(this, value, offset2, byteLength3, maxBytes, 0);
        }
        let i2 = byteLength3 - 1;
        let mul = 1;
        this[offset2 + i2] = value & 255;
        while (--i2 >= 0 && (mul *= 256)) {
          this[offset2 + i2] = value / mul & 255;
        }
        return offset2 + byteLength3;
      };
      Buffer6.prototype.writeUint8 = Buffer6.prototype.writeUInt8 = function writeUInt8(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 1, 255, 0);
        this[offset2] = value & 255;
        return offset2 + 1;
      };
      Buffer6.prototype.writeUint16LE = Buffer6.prototype.writeUInt16LE = function writeUInt16LE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 2, 65535, 0);
        this[offset2] = value & 255;
        this[offset2 + 1] = value >>> 8;
        return offset2 + 2;
      };
      Buffer6.prototype.writeUint16BE = Buffer6.prototype.writeUInt16BE = function writeUInt16BE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 2, 65535, 0);
        this[offset2] = value >>> 8;
        this[offset2 + 1] = value & 255;
        return offset2 + 2;
      };
      Buffer6.prototype.writeUint32LE = Buffer6.prototype.writeUInt32LE = function writeUInt32LE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 4, 4294967295, 0);
        this[offset2 + 3] = value >>> 24;
        this[offset2 + 2] = value >>> 16;
        this[offset2 + 1] = value >>> 8;
        this[offset2] = value & 255;
        return offset2 + 4;
      };
      Buffer6.prototype.writeUint32BE = Buffer6.prototype.writeUInt32BE = function writeUInt32BE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 4, 4294967295, 0);
        this[offset2] = value >>> 24;
        this[offset2 + 1] = value >>> 16;
        this[offset2 + 2] = value >>> 8;
        this[offset2 + 3] = value & 255;
        return offset2 + 4;
      };
      function wrtBigUInt64LE(buf, value, offset2, min, max) {
        checkIntBI(value, min, max, buf, offset2, 7);
        let lo = Number(value & BigInt(4294967295));
        buf[offset2++] = lo;
        lo = lo >> 8;
        buf[offset2++] = lo;
        lo = lo >> 8;
        buf[offset2++] = lo;
        lo = lo >> 8;
        buf[offset2++] = lo;
        let hi = Number(value >> BigInt(32) & BigInt(4294967295));
        buf[offset2++] = hi;
        hi = hi >> 8;
        buf[offset2++] = hi;
        hi = hi >> 8;
        buf[offset2++] = hi;
        hi = hi >> 8;
        buf[offset2++] = hi;
        return offset2;
      }
      function wrtBigUInt64BE(buf, value, offset2, min, max) {
        checkIntBI(value, min, max, buf, offset2, 7);
        let lo = Number(value & BigInt(4294967295));
        buf[offset2 + 7] = lo;
        lo = lo >> 8;
        buf[offset2 + 6] = lo;
        lo = lo >> 8;
        buf[offset2 + 5] = lo;
        lo = lo >> 8;
        buf[offset2 + 4] = lo;
        let hi = Number(value >> BigInt(32) & BigInt(4294967295));
        buf[offset2 + 3] = hi;
        hi = hi >> 8;
        buf[offset2 + 2] = hi;
        hi = hi >> 8;
        buf[offset2 + 1] = hi;
        hi = hi >> 8;
        buf[offset2] = hi;
        return offset2 + 8;
      }
      Buffer6.prototype.writeBigUInt64LE = defineBigIntMethod(function writeBigUInt64LE(value, offset2 = 0) {
        return wrtBigUInt64LE(this, value, offset2, BigInt(0), BigInt("0xffffffffffffffff"));
      });
      Buffer6.prototype.writeBigUInt64BE = defineBigIntMethod(function writeBigUInt64BE(value, offset2 = 0) {
        return wrtBigUInt64BE(this, value, offset2, BigInt(0), BigInt("0xffffffffffffffff"));
      });
      Buffer6.prototype.writeIntLE = function writeIntLE(value, offset2, byteLength3, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) {
          const limit = Math.pow(2, 8 * byteLength3 - 1);
          checkInt(this, value, offset2, byteLength3, limit - 1, -limit);
        }
        let i2 = 0;
        let mul = 1;
        let sub = 0;
        this[offset2] = value & 255;
        while (++i2 < byteLength3 && (mul *= 256)) {
          if (value < 0 && sub === 0 && this[offset2 + i2 - 1] !== 0) {
            sub = 1;
          }
          this[offset2 + i2] = (value / mul >> 0) - sub & 255;
        }
        return offset2 + byteLength3;
      };
      Buffer6.prototype.writeIntBE = function writeIntBE(value, offset2, byteLength3, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) {
          const limit = Math.pow(2, 8 * byteLength3 - 1);
          checkInt(this, value, offset2, byteLength3, limit - 1, -limit);
        }
        let i2 = byteLength3 - 1;
        let mul = 1;
        let sub = 0;
        this[offset2 + i2] = value & 255;
        while (--i2 >= 0 && (mul *= 256)) {
          if (value < 0 && sub === 0 && this[offset2 + i2 + 1] !== 0) {
            sub = 1;
          }
          this[offset2 + i2] = (value / mul >> 0) - sub & 255;
        }
        return offset2 + byteLength3;
      };
      Buffer6.prototype.writeInt8 = function writeInt8(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 1, 127, -128);
        if (value < 0) value = 255 + value + 1;
        this[offset2] = value & 255;
        return offset2 + 1;
      };
      Buffer6.prototype.writeInt16LE = function writeInt16LE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 2, 32767, -32768);
        this[offset2] = value & 255;
        this[offset2 + 1] = value >>> 8;
        return offset2 + 2;
      };
      Buffer6.prototype.writeInt16BE = function writeInt16BE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 2, 32767, -32768);
        this[offset2] = value >>> 8;
        this[offset2 + 1] = value & 255;
        return offset2 + 2;
      };
      Buffer6.prototype.writeInt32LE = function writeInt32LE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 4, 2147483647, -2147483648);
        this[offset2] = value & 255;
        this[offset2 + 1] = value >>> 8;
        this[offset2 + 2] = value >>> 16;
        this[offset2 + 3] = value >>> 24;
        return offset2 + 4;
      };
      Buffer6.prototype.writeInt32BE = function writeInt32BE(value, offset2, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) checkInt(this, value, offset2, 4, 2147483647, -2147483648);
        if (value < 0) value = 4294967295 + value + 1;
        this[offset2] = value >>> 24;
        this[offset2 + 1] = value >>> 16;
        this[offset2 + 2] = value >>> 8;
        this[offset2 + 3] = value & 255;
        return offset2 + 4;
      };
      Buffer6.prototype.writeBigInt64LE = defineBigIntMethod(function writeBigInt64LE(value, offset2 = 0) {
        return wrtBigUInt64LE(this, value, offset2, -BigInt("0x8000000000000000"), BigInt("0x7fffffffffffffff"));
      });
      Buffer6.prototype.writeBigInt64BE = defineBigIntMethod(function writeBigInt64BE(value, offset2 = 0) {
        return wrtBigUInt64BE(this, value, offset2, -BigInt("0x8000000000000000"), BigInt("0x7fffffffffffffff"));
      });
      function checkIEEE754(buf, value, offset2, ext, max, min) {
        if (offset2 + ext > buf.length) throw new RangeError("Index out of range");
        if (offset2 < 0) throw new RangeError("Index out of range");
      }
      function writeFloat(buf, value, offset2, littleEndian, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) {
          checkIEEE754(buf, value, offset2, 4, 34028234663852886e22, -34028234663852886e22);
        }
        ieee754.write(buf, value, offset2, littleEndian, 23, 4);
        return offset2 + 4;
      }
      Buffer6.prototype.writeFloatLE = function writeFloatLE(value, offset2, noAssert) {
        return writeFloat(this, value, offset2, true, noAssert);
      };
      Buffer6.prototype.writeFloatBE = function writeFloatBE(value, offset2, noAssert) {
        return writeFloat(this, value, offset2, false, noAssert);
      };
      function writeDouble(buf, value, offset2, littleEndian, noAssert) {
        value = +value;
        offset2 = offset2 >>> 0;
        if (!noAssert) {
          checkIEEE754(buf, value, offset2, 8, 17976931348623157e292, -17976931348623157e292);
        }
        ieee754.write(buf, value, offset2, littleEndian, 52, 8);
        return offset2 + 8;
      }
      Buffer6.prototype.writeDoubleLE = function writeDoubleLE(value, offset2, noAssert) {
        return writeDouble(this, value, offset2, true, noAssert);
      };
      Buffer6.prototype.writeDoubleBE = function writeDoubleBE(value, offset2, noAssert) {
        return writeDouble(this, value, offset2, false, noAssert);
      };
      Buffer6.prototype.copy = function copy(target, targetStart, start, end) {
        if (!Buffer6.isBuffer(target)) throw new TypeError("argument should be a Buffer");
        if (!start) start = 0;
        if (!end && end !== 0) end = this.length;
        if (targetStart >= target.length) targetStart = target.length;
        if (!targetStart) targetStart = 0;
        if (end > 0 && end < start) end = start;
        if (end === start) return 0;
        if (target.length === 0 || this.length === 0) return 0;
        if (targetStart < 0) {
          throw new RangeError("targetStart out of bounds");
        }
        if (start < 0 || start >= this.length) throw new RangeError("Index out of range");
        if (end < 0) throw new RangeError("sourceEnd out of bounds");
        if (end > this.length) end = this.length;
        if (target.length - targetStart < end - start) {
          end = target.length - targetStart + start;
        }
        const len = end - start;
        if (this === target && typeof Uint8Array.prototype.copyWithin === "function") {
          this.copyWithin(targetStart, start, end);
        } else {
          Uint8Array.prototype.set.call(
            target,
            this.subarray(start, end),
            targetStart
          );
        }
        return len;
      };
      Buffer6.prototype.fill = function fill(val, start, end, encoding) {
        if (typeof val === "string") {
          if (typeof start === "string") {
            encoding = start;
            start = 0;
            end = this.length;
          } else if (typeof end === "string") {
            encoding = end;
            end = this.length;
          }
          if (encoding !== void 0 && typeof encoding !== "string") {
            throw new TypeError("encoding must be a string");
          }
          if (typeof encoding === "string" && !Buffer6.isEncoding(encoding)) {
            throw new TypeError("Unknown encoding: " + encoding);
          }
          if (val.length === 1) {
            const code = val.charCodeAt(0);
            if (encoding === "utf8" && code < 128 || encoding === "latin1") {
              val = code;
            }
          }
        } else if (typeof val === "number") {
          val = val & 255;
        } else if (typeof val === "boolean") {
          val = Number(val);
        }
        if (start < 0 || this.length < start || this.length < end) {
          throw new RangeError("Out of range index");
        }
        if (end <= start) {
          return this;
        }
        start = start >>> 0;
        end = end === void 0 ? this.length : end >>> 0;
        if (!val) val = 0;
        let i2;
        if (typeof val === "number") {
          for (i2 = start; i2 < end; ++i2) {
            this[i2] = val;
          }
        } else {
          const bytes = Buffer6.isBuffer(val) ? val : Buffer6.from(val, encoding);
          const len = bytes.length;
          if (len === 0) {
            throw new TypeError('The value "' + val + '" is invalid for argument "value"');
          }
          for (i2 = 0; i2 < end - start; ++i2) {
            this[i2 + start] = bytes[i2 % len];
          }
        }
        return this;
      };
      var errors = {};
      function E(sym, getMessage, Base) {
        errors[sym] = class NodeError extends Base {
          constructor() {
            super();
            Object.defineProperty(this, "message", {
              value: getMessage.apply(this, arguments),
              writable: true,
              configurable: true
            });
            this.name = `${this.name} [${sym}]`;
            this.stack;
            delete this.name;
          }
          get code() {
            return sym;
          }
          set code(value) {
            Object.defineProperty(this, "code", {
              configurable: true,
              enumerable: true,
              value,
              writable: true
            });
          }
          toString() {
            return `${this.name} [${sym}]: ${this.message}`;
          }
        };
      }
      E(
        "ERR_BUFFER_OUT_OF_BOUNDS",
        function(name) {
          if (name) {
            return `${name} is outside of buffer bounds`;
          }
          return "Attempt to access memory outside buffer bounds";
        },
        RangeError
      );
      E(
        "ERR_INVALID_ARG_TYPE",
        function(name, actual) {
          return `The "${name}" argument must be of type number. Received type ${typeof actual}`;
        },
        TypeError
      );
      E(
        "ERR_OUT_OF_RANGE",
        function(str, range, input) {
          let msg = `The value of "${str}" is out of range.`;
          let received2 = input;
          if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
            received2 = addNumericalSeparator(String(input));
          } else if (typeof input === "bigint") {
            received2 = String(input);
            if (input > BigInt(2) ** BigInt(32) || input < -(BigInt(2) ** BigInt(32))) {
              received2 = addNumericalSeparator(received2);
            }
            received2 += "n";
          }
          msg += ` It must be ${range}. Received ${received2}`;
          return msg;
        },
        RangeError
      );
      function addNumericalSeparator(val) {
        let res = "";
        let i2 = val.length;
        const start = val[0] === "-" ? 1 : 0;
        for (; i2 >= start + 4; i2 -= 3) {
          res = `_${val.slice(i2 - 3, i2)}${res}`;
        }
        return `${val.slice(0, i2)}${res}`;
      }
      function checkBounds(buf, offset2, byteLength3) {
        validateNumber(offset2, "offset");
        if (buf[offset2] === void 0 || buf[offset2 + byteLength3] === void 0) {
          boundsError(offset2, buf.length - (byteLength3 + 1));
        }
      }
      function checkIntBI(value, min, max, buf, offset2, byteLength3) {
        if (value > max || value < min) {
          const n = typeof min === "bigint" ? "n" : "";
          let range;
          if (byteLength3 > 3) {
            if (min === 0 || min === BigInt(0)) {
              range = `>= 0${n} and < 2${n} ** ${(byteLength3 + 1) * 8}${n}`;
            } else {
              range = `>= -(2${n} ** ${(byteLength3 + 1) * 8 - 1}${n}) and < 2 ** ${(byteLength3 + 1) * 8 - 1}${n}`;
            }
          } else {
            range = `>= ${min}${n} and <= ${max}${n}`;
          }
          throw new errors.ERR_OUT_OF_RANGE("value", range, value);
        }
        checkBounds(buf, offset2, byteLength3);
      }
      function validateNumber(value, name) {
        if (typeof value !== "number") {
          throw new errors.ERR_INVALID_ARG_TYPE(name, "number", value);
        }
      }
      function boundsError(value, length, type) {
        if (Math.floor(value) !== value) {
          validateNumber(value, type);
          throw new errors.ERR_OUT_OF_RANGE(type || "offset", "an integer", value);
        }
        if (length < 0) {
          throw new errors.ERR_BUFFER_OUT_OF_BOUNDS();
        }
        throw new errors.ERR_OUT_OF_RANGE(
          type || "offset",
          `>= ${type ? 1 : 0} and <= ${length}`,
          value
        );
      }
      var INVALID_BASE64_RE = /[^+/0-9A-Za-z-_]/g;
      function base64clean(str) {
        str = str.split("=")[0];
        str = str.trim().replace(INVALID_BASE64_RE, "");
        if (str.length < 2) return "";
        while (str.length % 4 !== 0) {
          str = str + "=";
        }
        return str;
      }
      function utf8ToBytes2(string2, units) {
        units = units || Infinity;
        let codePoint;
        const length = string2.length;
        let leadSurrogate = null;
        const bytes = [];
        for (let i2 = 0; i2 < length; ++i2) {
          codePoint = string2.charCodeAt(i2);
          if (codePoint > 55295 && codePoint < 57344) {
            if (!leadSurrogate) {
              if (codePoint > 56319) {
                if ((units -= 3) > -1) bytes.push(239, 191, 189);
                continue;
              } else if (i2 + 1 === length) {
                if ((units -= 3) > -1) bytes.push(239, 191, 189);
                continue;
              }
              leadSurrogate = codePoint;
              continue;
            }
            if (codePoint < 56320) {
              if ((units -= 3) > -1) bytes.push(239, 191, 189);
              leadSurrogate = codePoint;
              continue;
            }
            codePoint = (leadSurrogate - 55296 << 10 | codePoint - 56320) + 65536;
          } else if (leadSurrogate) {
            if ((units -= 3) > -1) bytes.push(239, 191, 189);
          }
          leadSurrogate = null;
          if (codePoint < 128) {
            if ((units -= 1) < 0) break;
            bytes.push(codePoint);
          } else if (codePoint < 2048) {
            if ((units -= 2) < 0) break;
            bytes.push(
              codePoint >> 6 | 192,
              codePoint & 63 | 128
            );
          } else if (codePoint < 65536) {
            if ((units -= 3) < 0) break;
            bytes.push(
              codePoint >> 12 | 224,
              codePoint >> 6 & 63 | 128,
              codePoint & 63 | 128
            );
          } else if (codePoint < 1114112) {
            if ((units -= 4) < 0) break;
            bytes.push(
              codePoint >> 18 | 240,
              codePoint >> 12 & 63 | 128,
              codePoint >> 6 & 63 | 128,
              codePoint & 63 | 128
            );
          } else {
            throw new Error("Invalid code point");
          }
        }
        return bytes;
      }
      function asciiToBytes(str) {
        const byteArray = [];
        for (let i2 = 0; i2 < str.length; ++i2) {
          byteArray.push(str.charCodeAt(i2) & 255);
        }
        return byteArray;
      }
      function utf16leToBytes(str, units) {
        let c, hi, lo;
        const byteArray = [];
        for (let i2 = 0; i2 < str.length; ++i2) {
          if ((units -= 2) < 0) break;
          c = str.charCodeAt(i2);
          hi = c >> 8;
          lo = c % 256;
          byteArray.push(lo);
          byteArray.push(hi);
        }
        return byteArray;
      }
      function base64ToBytes(str) {
        return base64.toByteArray(base64clean(str));
      }
      function blitBuffer(src, dst, offset2, length) {
        let i2;
        for (i2 = 0; i2 < length; ++i2) {
          if (i2 + offset2 >= dst.length || i2 >= src.length) break;
          dst[i2 + offset2] = src[i2];
        }
        return i2;
      }
      function isInstance(obj, type) {
        return obj instanceof type || obj != null && obj.constructor != null && obj.constructor.name != null && obj.constructor.name === type.name;
      }
      function numberIsNaN(obj) {
        return obj !== obj;
      }
      var hexSliceLookupTable = (function() {
        const alphabet = "0123456789abcdef";
        const table = new Array(256);
        for (let i2 = 0; i2 < 16; ++i2) {
          const i16 = i2 * 16;
          for (let j = 0; j < 16; ++j) {
            table[i16 + j] = alphabet[i2] + alphabet[j];
          }
        }
        return table;
      })();
      function defineBigIntMethod(fn) {
        return typeof BigInt === "undefined" ? BufferBigIntNotDefined : fn;
      }
      function BufferBigIntNotDefined() {
        throw new Error("BigInt not supported");
      }
    }
  });

  // node_modules/node-inspect-extracted/dist/inspect.js
  var require_inspect = __commonJS({
    "node_modules/node-inspect-extracted/dist/inspect.js"(exports, module) {
      !(function(t, e) {
        "object" == typeof exports && "object" == typeof module ? module.exports = e() : "function" == typeof define && define.amd ? define([], e) : "object" == typeof exports ? exports.util = e() : t.util = e();
      })(exports, () => (() => {
        "use strict";
        var t = { 537(t2, e2, n) {
          const r = n(683), { ArrayPrototypeMap: o } = r;
          e2.h = class {
            hexSlice(t3 = 0, e3) {
              return o(this.slice(t3, e3), (t4) => ("00" + t4.toString(16)).slice(-2)).join("");
            }
          };
        }, 223(t2, e2, n) {
          const r = n(683), { AggregateError: o, AggregateErrorPrototype: i2, Array: l, ArrayBuffer: s, ArrayBufferPrototype: c, ArrayIsArray: a, ArrayPrototype: u, ArrayPrototypeFilter: f, ArrayPrototypeForEach: p, ArrayPrototypeIncludes: y, ArrayPrototypeIndexOf: g, ArrayPrototypeJoin: h, ArrayPrototypeMap: d, ArrayPrototypePop: m, ArrayPrototypePush: b, ArrayPrototypePushApply: $, ArrayPrototypeSlice: P, ArrayPrototypeSort: S, ArrayPrototypeSplice: x, ArrayPrototypeUnshift: A, BigIntPrototypeValueOf: v, Boolean: _, BooleanPrototype: w, BooleanPrototypeValueOf: O, DataView: E, DataViewPrototype: R, Date: L, DatePrototype: k, DatePrototypeGetTime: I, DatePrototypeToISOString: j, DatePrototypeToString: z, Error: B2, ErrorPrototype: T, ErrorPrototypeToString: M, Function: N, FunctionPrototype: F, FunctionPrototypeBind: C, FunctionPrototypeCall: D, FunctionPrototypeSymbolHasInstance: W, FunctionPrototypeToString: H, JSONStringify: U, Map: G, MapPrototype: V, MapPrototypeEntries: Z, MapPrototypeGetSize: Y, MathFloor: q, MathMax: J, MathMin: K2, MathRound: Q, MathSqrt: X, MathTrunc: tt, Number: et, NumberIsFinite: nt, NumberIsNaN: rt, NumberParseFloat: ot, NumberParseInt: it, NumberPrototype: lt, NumberPrototypeToString: st, NumberPrototypeValueOf: ct, Object: at2, ObjectAssign: ut, ObjectDefineProperty: ft, ObjectGetOwnPropertyDescriptor: pt, ObjectGetOwnPropertyNames: yt, ObjectGetOwnPropertySymbols: gt, ObjectGetPrototypeOf: ht, ObjectIs: dt, ObjectKeys: mt, ObjectPrototype: bt, ObjectPrototypeHasOwnProperty: $t, ObjectPrototypePropertyIsEnumerable: Pt, ObjectPrototypeToString: St, ObjectSeal: xt, ObjectSetPrototypeOf: At, Promise: vt, PromisePrototype: _t, RangeError: wt, RangeErrorPrototype: Ot, ReflectApply: Et, ReflectOwnKeys: Rt, RegExp: Lt, RegExpPrototype: kt, RegExpPrototypeExec: It, RegExpPrototypeSymbolReplace: jt, RegExpPrototypeSymbolSplit: zt, RegExpPrototypeToString: Bt, SafeMap: Tt, SafeSet: Mt, SafeStringIterator: Nt, Set: Ft, SetPrototype: Ct, SetPrototypeGetSize: Dt, SetPrototypeValues: Wt, String: Ht, StringPrototype: Ut, StringPrototypeCharCodeAt: Gt, StringPrototypeCodePointAt: Vt, StringPrototypeEndsWith: Zt, StringPrototypeIncludes: Yt, StringPrototypeIndexOf: qt, StringPrototypeLastIndexOf: Jt, StringPrototypeNormalize: Kt, StringPrototypePadEnd: Qt, StringPrototypePadStart: Xt, StringPrototypeRepeat: te, StringPrototypeReplace: ee, StringPrototypeReplaceAll: ne, StringPrototypeSlice: re, StringPrototypeSplit: oe, StringPrototypeStartsWith: ie, StringPrototypeToLowerCase: le, StringPrototypeValueOf: se, SymbolIterator: ce, SymbolPrototypeToString: ae, SymbolPrototypeValueOf: ue, SymbolToPrimitive: fe, SymbolToStringTag: pe, TypeError: ye, TypeErrorPrototype: ge, TypedArray: he, TypedArrayPrototype: de, TypedArrayPrototypeGetLength: me, TypedArrayPrototypeGetSymbolToStringTag: be, Uint8Array: $e, WeakMap: Pe, WeakMapPrototype: Se, WeakSet: xe, WeakSetPrototype: Ae, globalThis: ve, internalBinding: _e, uncurryThis: we } = r, { constants: { ALL_PROPERTIES: Oe, ONLY_ENUMERABLE: Ee, kPending: Re, kRejected: Le }, getOwnNonIndexProperties: ke, getPromiseDetails: Ie, getProxyDetails: je, previewEntries: ze, getConstructorName: Be, getExternalValue: Te, Proxy: Me } = n(727), { customInspectSymbol: Ne, isError: Fe, join: Ce, removeColors: De } = n(101), { isStackOverflowError: We } = n(778), { isAsyncFunction: He, isGeneratorFunction: Ue, isAnyArrayBuffer: Ge, isArrayBuffer: Ve, isArgumentsObject: Ze, isBoxedPrimitive: Ye, isDataView: qe, isExternal: Je, isMap: Ke, isMapIterator: Qe, isModuleNamespaceObject: Xe, isNativeError: tn, isPromise: en, isSet: nn, isSetIterator: rn, isWeakMap: on, isWeakSet: ln, isRegExp: sn, isDate: cn, isTypedArray: an, isStringObject: un, isNumberObject: fn, isBooleanObject: pn, isBigIntObject: yn } = n(499), gn = n(123), { BuiltinModule: hn } = n(947), { validateObject: dn, validateString: mn, kValidateObjectAllowArray: bn } = n(302);
          let $n, Pn, Sn;
          function xn(t3) {
            return Pn = Pn || n(812), Pn.pathToFileURL(t3).href;
          }
          const An = new Mt(f(yt(ve), (t3) => null !== It(/^[A-Z][a-zA-Z0-9]+$/, t3))), vn = (t3) => void 0 === t3 && void 0 !== t3, _n = xt({ showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false, maxArrayLength: 100, maxStringLength: 1e4, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false }), wn = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, On = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, En = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, Rn = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, Ln = /^[a-zA-Z_][a-zA-Z_0-9]*$/, kn = /^(0|[1-9][0-9]*)$/, In = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/, jn = /^(\s+[^(]*?)\s*{/, zn = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, Bn = ["\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\x07", "\\b", "\\t", "\\n", "\\x0B", "\\f", "\\r", "\\x0E", "\\x0F", "\\x10", "\\x11", "\\x12", "\\x13", "\\x14", "\\x15", "\\x16", "\\x17", "\\x18", "\\x19", "\\x1A", "\\x1B", "\\x1C", "\\x1D", "\\x1E", "\\x1F", "", "", "", "", "", "", "", "\\'", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "\\\\", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "\\x7F", "\\x80", "\\x81", "\\x82", "\\x83", "\\x84", "\\x85", "\\x86", "\\x87", "\\x88", "\\x89", "\\x8A", "\\x8B", "\\x8C", "\\x8D", "\\x8E", "\\x8F", "\\x90", "\\x91", "\\x92", "\\x93", "\\x94", "\\x95", "\\x96", "\\x97", "\\x98", "\\x99", "\\x9A", "\\x9B", "\\x9C", "\\x9D", "\\x9E", "\\x9F"], Tn = new Lt("[\\u001B\\u009B][[\\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?(?:\\u0007|\\u001B\\u005C|\\u009C))|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~]))", "g");
          let Mn;
          function Nn(t3, e3) {
            const n2 = { budget: {}, indentationLvl: 0, seen: [], currentDepth: 0, stylize: Zn, showHidden: _n.showHidden, depth: _n.depth, colors: _n.colors, customInspect: _n.customInspect, showProxy: _n.showProxy, maxArrayLength: _n.maxArrayLength, maxStringLength: _n.maxStringLength, breakLength: _n.breakLength, compact: _n.compact, sorted: _n.sorted, getters: _n.getters, numericSeparator: _n.numericSeparator };
            if (arguments.length > 1) {
              if (arguments.length > 2 && (void 0 !== arguments[2] && (n2.depth = arguments[2]), arguments.length > 3 && void 0 !== arguments[3] && (n2.colors = arguments[3])), "boolean" == typeof e3) n2.showHidden = e3;
              else if (e3) {
                const t4 = mt(e3);
                for (let r2 = 0; r2 < t4.length; ++r2) {
                  const o2 = t4[r2];
                  $t(_n, o2) || "stylize" === o2 ? n2[o2] = e3[o2] : void 0 === n2.userOptions && (n2.userOptions = e3);
                }
              }
            }
            return n2.colors && (n2.stylize = Vn), null === n2.maxArrayLength && (n2.maxArrayLength = 1 / 0), null === n2.maxStringLength && (n2.maxStringLength = 1 / 0), nr(n2, t3, 0);
          }
          Nn.custom = Ne, ft(Nn, "defaultOptions", { __proto__: null, get: () => _n, set: (t3) => (dn(t3, "options"), ut(_n, t3)) });
          const Fn = 39, Cn = 49;
          function Dn(t3, e3) {
            ft(Nn.colors, e3, { __proto__: null, get() {
              return this[t3];
            }, set(e4) {
              this[t3] = e4;
            }, configurable: true, enumerable: false });
          }
          Nn.colors = { __proto__: null, reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25], inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24], black: [30, Fn], red: [31, Fn], green: [32, Fn], yellow: [33, Fn], blue: [34, Fn], magenta: [35, Fn], cyan: [36, Fn], white: [37, Fn], bgBlack: [40, Cn], bgRed: [41, Cn], bgGreen: [42, Cn], bgYellow: [43, Cn], bgBlue: [44, Cn], bgMagenta: [45, Cn], bgCyan: [46, Cn], bgWhite: [47, Cn], framed: [51, 54], overlined: [53, 55], gray: [90, Fn], redBright: [91, Fn], greenBright: [92, Fn], yellowBright: [93, Fn], blueBright: [94, Fn], magentaBright: [95, Fn], cyanBright: [96, Fn], whiteBright: [97, Fn], bgGray: [100, Cn], bgRedBright: [101, Cn], bgGreenBright: [102, Cn], bgYellowBright: [103, Cn], bgBlueBright: [104, Cn], bgMagentaBright: [105, Cn], bgCyanBright: [106, Cn], bgWhiteBright: [107, Cn] }, Dn("gray", "grey"), Dn("gray", "blackBright"), Dn("bgGray", "bgGrey"), Dn("bgGray", "bgBlackBright"), Dn("dim", "faint"), Dn("strikethrough", "crossedout"), Dn("strikethrough", "strikeThrough"), Dn("strikethrough", "crossedOut"), Dn("hidden", "conceal"), Dn("inverse", "swapColors"), Dn("inverse", "swapcolors"), Dn("doubleunderline", "doubleUnderline"), Nn.styles = ut({ __proto__: null }, { special: "cyan", number: "yellow", bigint: "yellow", boolean: "yellow", undefined: "grey", null: "bold", string: "green", symbol: "green", date: "magenta", regexp: function t3(e3) {
            let n2 = "", r2 = 0, o2 = 0, i3 = false;
            const l2 = (t3.colors?.length > 0 ? t3.colors : Wn).reduce((t4, e4) => {
              const n3 = Nn.colors[e4];
              return n3 && t4.push([`\x1B[${n3[0]}m`, `\x1B[${n3[1]}m`]), t4;
            }, []);
            function s2(t4, n3, i4 = 1) {
              let l3 = "";
              for (r2++; r2 < e3.length && e3[r2] !== n3; ) l3 += e3[r2++];
              r2 < e3.length ? (o2 -= i4, c2(t4), a2(l3, 1, 1), c2(n3), o2 += i4) : a2(t4, 1, -l3.length);
            }
            const c2 = (t4) => {
              const e4 = o2 % l2.length, r3 = l2[e4] ?? l2[0];
              return n2 += r3[0] + t4 + r3[1], e4;
            };
            function a2(t4, e4, n3) {
              o2 += e4, c2(t4), o2 -= e4, r2 += n3;
            }
            for (c2("/"), o2++, r2 = 1; r2 < e3.length; ) {
              const t4 = e3[r2];
              if (i3) if ("\\" === t4) {
                let t5 = "\\";
                if (r2++, r2 < e3.length) {
                  t5 += e3[r2++];
                  const n3 = t5[1];
                  if ("u" === n3 && "{" === e3[r2]) {
                    s2(`${t5}{`, "}", 0);
                    continue;
                  }
                  if (("p" === n3 || "P" === n3) && "{" === e3[r2]) {
                    s2(`${t5}{`, "}", 0);
                    continue;
                  }
                  "x" === t5[1] && (t5 += e3.slice(r2, r2 + 2), r2 += 2);
                }
                c2(t5);
              } else "]" === t4 ? (o2--, c2("]"), r2++, i3 = false) : "-" === t4 && "[" !== e3[r2 - 1] && r2 + 1 < e3.length && "]" !== e3[r2 + 1] ? a2("-", 1, 1) : (c2(t4), r2++);
              else if ("[" === t4) c2("["), o2++, r2++, i3 = true;
              else if ("(" === t4) {
                if (c2("("), o2++, r2++, r2 < e3.length && "?" === e3[r2]) {
                  r2++;
                  const t5 = r2 < e3.length ? e3[r2] : "";
                  if (":" === t5 || "=" === t5 || "!" === t5) a2(`?${t5}`, -1, 1);
                  else {
                    const n3 = r2 + 1 < e3.length ? e3[r2 + 1] : "";
                    if ("<" !== t5 || "=" !== n3 && "!" !== n3) if ("<" === t5) {
                      r2++;
                      const t6 = r2;
                      for (; r2 < e3.length && ">" !== e3[r2]; ) r2++;
                      const n4 = e3.slice(t6, r2);
                      r2 < e3.length && ">" === e3[r2] ? (o2--, c2("?<"), a2(n4, 1, 0), c2(">"), o2++, r2++) : (a2("?<", -1, 0), c2(n4));
                    } else c2("?");
                    else a2(`?<${n3}`, -1, 2);
                  }
                }
              } else if (")" === t4) o2--, c2(")"), r2++;
              else if ("\\" === t4) {
                let t5 = "\\";
                if (r2++, r2 < e3.length) {
                  t5 += e3[r2++];
                  const n3 = t5[1];
                  if (r2 < e3.length) {
                    if ("u" === n3 && "{" === e3[r2]) {
                      s2(`${t5}{`, "}", 0);
                      continue;
                    }
                    if ("x" === n3) t5 += e3.slice(r2, r2 + 2), r2 += 2;
                    else if (n3 >= "0" && n3 <= "9") for (; r2 < e3.length && e3[r2] >= "0" && e3[r2] <= "9"; ) t5 += e3[r2++];
                    else {
                      if ("k" === n3 && "<" === e3[r2]) {
                        s2(`${t5}<`, ">");
                        continue;
                      }
                      if (("p" === n3 || "P" === n3) && "{" === e3[r2]) {
                        s2(`${t5}{`, "}", 0);
                        continue;
                      }
                    }
                  }
                }
                a2(t5, 1, 0);
              } else if ("|" === t4 || "+" === t4 || "*" === t4 || "?" === t4 || "," === t4 || "^" === t4 || "$" === t4) a2(t4, 3, 1);
              else if ("{" === t4) {
                r2++;
                let t5 = "";
                for (; r2 < e3.length && e3[r2] >= "0" && e3[r2] <= "9"; ) t5 += e3[r2++];
                if (t5 && (c2("{"), o2++, a2(t5, 1, 0)), r2 < e3.length) {
                  if ("," === e3[r2]) t5 || (c2("{"), o2++), c2(","), r2++;
                  else if (!t5) {
                    o2 += 1, c2("{"), o2 -= 1;
                    continue;
                  }
                }
                let n3 = "";
                for (; r2 < e3.length && e3[r2] >= "0" && e3[r2] <= "9"; ) n3 += e3[r2++];
                n3 && a2(n3, 1, 0), r2 < e3.length && "}" === e3[r2] && (o2--, c2("}"), r2++), r2 < e3.length && "?" === e3[r2] && a2("?", 3, 1);
              } else if ("." === t4) a2(t4, 2, 1);
              else {
                if ("/" === t4) break;
                a2(t4, 1, 1);
              }
            }
            return a2("/", -1, 1), r2 < e3.length && c2(e3.slice(r2)), n2;
          }, module: "underline" }), Nn.styles.regexp.colors = ["green", "red", "yellow", "cyan", "magenta"];
          const Wn = Nn.styles.regexp.colors.slice();
          function Hn(t3, e3) {
            return -1 === e3 ? `"${t3}"` : -2 === e3 ? `\`${t3}\`` : `'${t3}'`;
          }
          function Un(t3) {
            const e3 = Gt(t3);
            return Bn.length > e3 ? Bn[e3] : `\\u${st(e3, 16)}`;
          }
          function Gn(t3) {
            let e3 = wn, n2 = On, r2 = 39;
            if (Yt(t3, "'") && (Yt(t3, '"') ? Yt(t3, "`") || Yt(t3, "${") || (r2 = -2) : r2 = -1, 39 !== r2 && (e3 = En, n2 = Rn)), t3.length < 5e3 && null === It(e3, t3)) return Hn(t3, r2);
            if (t3.length > 100) return Hn(t3 = jt(n2, t3, Un), r2);
            let o2 = "", i3 = 0;
            for (let e4 = 0; e4 < t3.length; e4++) {
              const n3 = Gt(t3, e4);
              if (n3 === r2 || 92 === n3 || n3 < 32 || n3 > 126 && n3 < 160) o2 += i3 === e4 ? Bn[n3] : `${re(t3, i3, e4)}${Bn[n3]}`, i3 = e4 + 1;
              else if (n3 >= 55296 && n3 <= 57343) {
                if (n3 <= 56319 && e4 + 1 < t3.length) {
                  const n4 = Gt(t3, e4 + 1);
                  if (n4 >= 56320 && n4 <= 57343) {
                    e4++;
                    continue;
                  }
                }
                o2 += `${re(t3, i3, e4)}\\u${st(n3, 16)}`, i3 = e4 + 1;
              }
            }
            return i3 !== t3.length && (o2 += re(t3, i3)), Hn(o2, r2);
          }
          function Vn(t3, e3) {
            const n2 = Nn.styles[e3];
            if (void 0 !== n2) {
              const e4 = Nn.colors[n2];
              if (void 0 !== e4) return `\x1B[${e4[0]}m${t3}\x1B[${e4[1]}m`;
              if ("function" == typeof n2) return n2(t3);
            }
            return t3;
          }
          function Zn(t3) {
            return t3;
          }
          function Yn() {
            return [];
          }
          function qn(t3, e3) {
            try {
              return t3 instanceof e3;
            } catch {
              return false;
            }
          }
          const Jn = new Tt().set(u, { name: "Array", constructor: l }).set(c, { name: "ArrayBuffer", constructor: s }).set(F, { name: "Function", constructor: N }).set(V, { name: "Map", constructor: G }).set(Ct, { name: "Set", constructor: Ft }).set(bt, { name: "Object", constructor: at2 }).set(de, { name: "TypedArray", constructor: he }).set(kt, { name: "RegExp", constructor: Lt }).set(k, { name: "Date", constructor: L }).set(R, { name: "DataView", constructor: E }).set(T, { name: "Error", constructor: B2 }).set(i2, { name: "AggregateError", constructor: o }).set(Ot, { name: "RangeError", constructor: wt }).set(ge, { name: "TypeError", constructor: ye }).set(w, { name: "Boolean", constructor: _ }).set(lt, { name: "Number", constructor: et }).set(Ut, { name: "String", constructor: Ht }).set(_t, { name: "Promise", constructor: vt }).set(Se, { name: "WeakMap", constructor: Pe }).set(Ae, { name: "WeakSet", constructor: xe });
          function Kn(t3, e3, n2, r2) {
            let o2;
            const i3 = t3;
            for (; t3 || vn(t3); ) {
              const l3 = Jn.get(t3);
              if (void 0 !== l3) {
                const { name: s4, constructor: c2 } = l3;
                if (W(c2, i3)) return void 0 !== r2 && o2 !== t3 && Qn(e3, i3, o2 || i3, n2, r2), s4;
              }
              const s3 = pt(t3, "constructor");
              if (void 0 !== s3 && "function" == typeof s3.value && "" !== s3.value.name && qn(i3, s3.value)) return void 0 === r2 || o2 === t3 && An.has(s3.value.name) || Qn(e3, i3, o2 || i3, n2, r2), Ht(s3.value.name);
              t3 = ht(t3), void 0 === o2 && (o2 = t3);
            }
            if (null === o2) return null;
            const l2 = Be(i3);
            if (n2 > e3.depth && null !== e3.depth) return `${l2} <Complex prototype>`;
            const s2 = Kn(o2, e3, n2 + 1, r2);
            return null === s2 ? `${l2} <${Nn(o2, { ...e3, customInspect: false, depth: -1 })}>` : `${l2} <${s2}>`;
          }
          function Qn(t3, e3, n2, r2, o2) {
            let i3, l2, s2 = 0;
            do {
              if (0 !== s2 || e3 === n2) {
                if (null === (n2 = ht(n2))) return;
                const t4 = pt(n2, "constructor");
                if (void 0 !== t4 && "function" == typeof t4.value && An.has(t4.value.name)) return;
              }
              0 === s2 ? l2 = new Mt() : p(i3, (t4) => l2.add(t4)), i3 = Rt(n2), b(t3.seen, e3);
              for (const c2 of i3) {
                if ("constructor" === c2 || $t(e3, c2) || 0 !== s2 && l2.has(c2)) continue;
                const i4 = pt(n2, c2);
                if ("function" == typeof i4.value) continue;
                const a2 = Er(t3, n2, r2, c2, 0, i4, e3);
                t3.colors ? b(o2, `\x1B[2m${a2}\x1B[22m`) : b(o2, a2);
              }
              m(t3.seen);
            } while (3 !== ++s2);
          }
          function Xn(t3, e3, n2, r2 = "") {
            if (null === t3) return "" !== e3 && n2 !== e3 ? `[${n2}${r2}: null prototype] [${e3}] ` : `[${n2}${r2}: null prototype] `;
            let o2 = `${t3}${r2} `;
            if ("" !== e3) {
              const n3 = t3.indexOf(e3);
              if (-1 === n3) o2 += `[${e3}] `;
              else {
                const r3 = n3 + e3.length;
                r3 !== t3.length && t3[r3] === t3[r3].toLowerCase() && (o2 += `[${e3}] `);
              }
            }
            return o2;
          }
          function tr(t3, e3) {
            let n2;
            const r2 = gt(t3);
            if (e3) n2 = yt(t3), 0 !== r2.length && $(n2, r2);
            else {
              try {
                n2 = mt(t3);
              } catch (e4) {
                gn(tn(e4) && "ReferenceError" === e4.name && Xe(t3)), n2 = yt(t3);
              }
              0 !== r2.length && $(n2, f(r2, (e4) => Pt(t3, e4)));
            }
            return n2;
          }
          function er(t3, e3, n2) {
            let r2 = "";
            return null === e3 && (r2 = Be(t3), r2 === n2 && (r2 = "Object")), Xn(e3, n2, r2);
          }
          function nr(t3, e3, o2, i3) {
            if ("object" != typeof e3 && "function" != typeof e3 && !vn(e3)) return pr(t3.stylize, e3, t3);
            if (null === e3) return t3.stylize("null", "null");
            const l2 = e3;
            let s2 = 0, c2 = je(e3, !!t3.showProxy);
            if (void 0 !== c2) {
              if (t3.showProxy) return null === c2[0] ? t3.stylize("<Revoked Proxy>", "special") : (function(t4, e4, n2) {
                if (n2 > t4.depth && null !== t4.depth) return t4.stylize("Proxy [Array]", "special");
                n2 += 1, t4.indentationLvl += 2;
                const r2 = [nr(t4, e4[0], n2), nr(t4, e4[1], n2)];
                return t4.indentationLvl -= 2, Lr(t4, r2, "", ["Proxy [", "]"], 2, n2);
              })(t3, c2, o2);
              do {
                if (null === c2) {
                  let e4 = t3.stylize("<Revoked Proxy>", "special");
                  for (let n2 = 0; n2 < s2; n2++) e4 = `${t3.stylize("Proxy(", "special")}${e4}${t3.stylize(")", "special")}`;
                  return e4;
                }
                c2 = je(e3 = c2, false), s2 += 1;
              } while (void 0 !== c2);
            }
            if (t3.customInspect) {
              const n2 = e3[Ne];
              if ("function" == typeof n2 && n2 !== Nn && pt(e3, "constructor")?.value?.prototype !== e3) {
                const e4 = null === t3.depth ? null : t3.depth - o2, r2 = 0 !== s2 || !W(at2, l2), i4 = D(n2, l2, e4, (function(t4, e5) {
                  const n3 = { stylize: t4.stylize, showHidden: t4.showHidden, depth: t4.depth, colors: t4.colors, customInspect: t4.customInspect, showProxy: t4.showProxy, maxArrayLength: t4.maxArrayLength, maxStringLength: t4.maxStringLength, breakLength: t4.breakLength, compact: t4.compact, sorted: t4.sorted, getters: t4.getters, numericSeparator: t4.numericSeparator, ...t4.userOptions };
                  if (e5) {
                    At(n3, null);
                    for (const t5 of mt(n3)) "object" != typeof n3[t5] && "function" != typeof n3[t5] || null === n3[t5] || delete n3[t5];
                    n3.stylize = At((e6, n4) => {
                      let r3;
                      try {
                        r3 = `${t4.stylize(e6, n4)}`;
                      } catch {
                      }
                      return "string" != typeof r3 ? e6 : r3;
                    }, null);
                  }
                  return n3;
                })(t3, r2), Nn);
                if (i4 !== l2) return "string" != typeof i4 ? nr(t3, i4, o2) : ne(i4, "\n", `
${te(" ", t3.indentationLvl)}`);
              }
            }
            if (t3.seen.includes(e3)) {
              let n2 = 1;
              return void 0 === t3.circular ? (t3.circular = new Tt(), t3.circular.set(e3, n2)) : (n2 = t3.circular.get(e3), void 0 === n2 && (n2 = t3.circular.size + 1, t3.circular.set(e3, n2))), t3.stylize(`[Circular *${n2}]`, "special");
            }
            let u2 = (function(t4, e4, o3, i4) {
              let l3, s3;
              t4.showHidden && (o3 <= t4.depth || null === t4.depth) && (s3 = []);
              const c3 = Kn(e4, t4, o3, s3);
              void 0 !== s3 && 0 === s3.length && (s3 = void 0);
              let u3 = "";
              try {
                u3 = e4[pe];
              } catch {
              }
              ("string" != typeof u3 || "" !== u3 && (t4.showHidden ? $t : Pt)(e4, pe)) && (u3 = "");
              let f2, p2, d2 = "", m2 = Yn, _2 = true;
              const w2 = t4.showHidden ? Oe : Ee;
              let E2, R2, L2 = 0;
              if (ce in e4 || null === c3) if (_2 = false, a(e4)) {
                const t5 = "Array" !== c3 || "" !== u3 ? Xn(c3, u3, "Array", `(${e4.length})`) : "";
                if (l3 = ke(e4, w2), f2 = [`${t5}[`, "]"], 0 === e4.length && 0 === l3.length && void 0 === s3) return `${f2[0]}]`;
                L2 = 2, m2 = dr;
              } else if (nn(e4)) {
                const n2 = Dt(e4), r2 = Xn(c3, u3, "Set", `(${n2})`);
                if (l3 = tr(e4, t4.showHidden), m2 = C(br, null, null !== c3 ? e4 : Wt(e4)), 0 === n2 && 0 === l3.length && void 0 === s3) return `${r2}{}`;
                f2 = [`${r2}{`, "}"];
              } else if (Ke(e4)) {
                const n2 = Y(e4), r2 = Xn(c3, u3, "Map", `(${n2})`);
                if (l3 = tr(e4, t4.showHidden), m2 = C($r, null, null !== c3 ? e4 : Z(e4)), 0 === n2 && 0 === l3.length && void 0 === s3) return `${r2}{}`;
                f2 = [`${r2}{`, "}"];
              } else if (an(e4)) {
                l3 = ke(e4, w2);
                let n2 = e4, o4 = "";
                null === c3 && (o4 = be(e4), n2 = new r[o4](e4));
                const s4 = me(e4);
                if (f2 = [`${Xn(c3, u3, o4, `(${s4})`)}[`, "]"], 0 === e4.length && 0 === l3.length && !t4.showHidden) return `${f2[0]}]`;
                m2 = C(mr, null, n2, s4), L2 = 2, t4.showHidden && (E2 = ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"], i4 = true);
              } else Qe(e4) ? (l3 = tr(e4, t4.showHidden), f2 = rr("Map", u3), m2 = C(_r, null, f2)) : rn(e4) ? (l3 = tr(e4, t4.showHidden), f2 = rr("Set", u3), m2 = C(_r, null, f2)) : _2 = true;
              if (_2) {
                if (l3 = tr(e4, t4.showHidden), f2 = ["{", "}"], "function" == typeof e4) {
                  if (d2 = (function(t5, e5, n2, r2) {
                    const o4 = H(e5);
                    if (ie(o4, "class") && "}" === o4[o4.length - 1]) {
                      const t6 = re(o4, 5, -1), i6 = qt(t6, "{");
                      if (-1 !== i6 && (!Yt(re(t6, 0, i6), "(") || null !== It(jn, jt(zn, t6)))) return (function(t7, e6, n3) {
                        let r3 = `class ${$t(t7, "name") && t7.name || "(anonymous)"}`;
                        if ("Function" !== e6 && null !== e6 && (r3 += ` [${e6}]`), "" !== n3 && e6 !== n3 && (r3 += ` [${n3}]`), null !== e6) {
                          const e7 = ht(t7).name;
                          e7 && (r3 += ` extends ${e7}`);
                        } else r3 += " extends [null prototype]";
                        return `[${r3}]`;
                      })(e5, n2, r2);
                    }
                    let i5 = "Function";
                    Ue(e5) && (i5 = `Generator${i5}`), He(e5) && (i5 = `Async${i5}`);
                    let l4 = `[${i5}`;
                    return null === n2 && (l4 += " (null prototype)"), "" === e5.name ? l4 += " (anonymous)" : l4 += `: ${"string" == typeof e5.name ? e5.name : nr(t5, e5.name)}`, l4 += "]", n2 !== i5 && null !== n2 && (l4 += ` ${n2}`), "" !== r2 && n2 !== r2 && (l4 += ` [${r2}]`), l4;
                  })(t4, e4, c3, u3), 0 === l3.length && void 0 === s3) return t4.stylize(d2, "special");
                } else if ("Object" === c3) {
                  if (Ze(e4) ? f2[0] = "[Arguments] {" : "" !== u3 && (f2[0] = `${Xn(c3, u3, "Object")}{`), 0 === l3.length && void 0 === s3) return `${f2[0]}}`;
                } else if (sn(e4)) {
                  d2 = Bt(null !== c3 ? e4 : new Lt(e4));
                  const n2 = Xn(c3, u3, "RegExp");
                  if ("RegExp " !== n2 && (d2 = `${n2}${d2}`), d2 = t4.stylize(d2, "regexp"), 0 === l3.length && void 0 === s3 || o3 > t4.depth && null !== t4.depth) return d2;
                } else if (cn(e4)) {
                  d2 = rt(I(e4)) ? z(e4) : j(e4);
                  const n2 = Xn(c3, u3, "Date");
                  if ("Date " !== n2 && (d2 = `${n2}${d2}`), 0 === l3.length && void 0 === s3) return t4.stylize(d2, "date");
                } else if (Fe(e4)) {
                  if (d2 = (function(t5, e5, n2, r2, o4) {
                    let i5, l4, s4;
                    try {
                      s4 = ir(r2, t5);
                    } catch {
                      return St(t5);
                    }
                    let c4 = false;
                    try {
                      i5 = t5.message;
                    } catch {
                      c4 = true;
                    }
                    let u4 = false;
                    try {
                      l4 = t5.name;
                    } catch {
                      u4 = true;
                    }
                    if (!r2.showHidden && 0 !== o4.length) {
                      const t6 = g(o4, "stack");
                      if (-1 !== t6 && x(o4, t6, 1), !c4) {
                        const t7 = g(o4, "message");
                        -1 === t7 || "string" == typeof i5 && !Yt(s4, i5) || x(o4, t7, 1);
                      }
                      if (!u4) {
                        const t7 = g(o4, "name");
                        -1 === t7 || "string" == typeof l4 && !Yt(s4, l4) || x(o4, t7, 1);
                      }
                    }
                    l4 = l4 ?? "Error", !$t(t5, "cause") || 0 !== o4.length && y(o4, "cause") || b(o4, "cause");
                    try {
                      const e6 = t5.errors;
                      !a(e6) || !$t(t5, "errors") || 0 !== o4.length && y(o4, "errors") || b(o4, "errors");
                    } catch {
                    }
                    s4 = (function(t6, e6, n3, r3) {
                      let o5 = n3.length;
                      if ("string" != typeof n3 && (t6 = ee(t6, `${n3}`, `${n3} [${re(Xn(e6, r3, "Error"), 0, -1)}]`)), null === e6 || Zt(n3, "Error") && ie(t6, n3) && (t6.length === o5 || ":" === t6[o5] || "\n" === t6[o5])) {
                        let i6 = "Error";
                        if (null === e6) {
                          const e7 = It(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/, t6) || It(/^([a-z_A-Z0-9-]*Error)$/, t6);
                          i6 = e7?.[1] || "", o5 = i6.length, i6 = i6 || "Error";
                        }
                        const l5 = re(Xn(e6, r3, i6), 0, -1);
                        n3 !== l5 && (t6 = Yt(l5, n3) ? 0 === o5 ? `${l5}: ${t6}` : `${l5}${re(t6, o5)}` : `${l5} [${n3}]${re(t6, o5)}`);
                      }
                      return t6;
                    })(s4, e5, l4, n2);
                    let f3 = i5 && qt(s4, i5) || -1;
                    -1 !== f3 && (f3 += i5.length);
                    const p3 = qt(s4, "\n    at", f3);
                    if (-1 === p3) s4 = `[${s4}]`;
                    else {
                      let e6 = re(s4, 0, p3);
                      const n3 = (function(t6, e7, n4) {
                        const r3 = oe(n4, "\n");
                        let o5;
                        try {
                          ({ cause: o5 } = e7);
                        } catch {
                        }
                        if (null != o5 && Fe(o5)) {
                          const e8 = ir(t6, o5), n5 = qt(e8, "\n    at");
                          if (-1 !== n5) {
                            const o6 = oe(re(e8, n5 + 1), "\n"), { 0: i6, 1: l5 } = or(r3, o6);
                            if (i6 > 0) {
                              const e9 = i6 - 2, n6 = `    ... ${e9} lines matching cause stack trace ...`;
                              r3.splice(l5 + 1, e9, t6.stylize(n6, "undefined"));
                            }
                          }
                        }
                        if (r3.length > 10) {
                          const e8 = (function(t7) {
                            const e9 = [], n5 = new Tt();
                            for (let e10 = 0; e10 < t7.length; e10++) {
                              const r4 = n5.get(t7[e10]);
                              void 0 === r4 ? n5.set(t7[e10], [e10]) : r4[r4.length] = e10;
                            }
                            if (t7.length - n5.size <= 3) return e9;
                            for (let r4 = 0; r4 < t7.length - 3; r4++) {
                              const o6 = n5.get(t7[r4]);
                              if (1 === o6.length || o6[o6.length - 1] === r4) continue;
                              const i6 = o6.indexOf(r4) + 1;
                              if (i6 === o6.length) continue;
                              let l5, s5 = o6[o6.length - 1] - r4;
                              if (s5 < 3) continue;
                              if (i6 + 1 < o6.length) {
                                let t8 = 0;
                                for (let e10 = i6; e10 < o6.length; e10++) {
                                  let n6 = o6[e10] - r4;
                                  for (; 0 !== n6; ) {
                                    const e11 = t8 % n6;
                                    0 !== t8 && (l5 = l5 || new Mt(), l5.add(t8)), t8 = n6, n6 = e11;
                                  }
                                  if (1 === t8) break;
                                }
                                s5 = t8, l5 && (l5.delete(s5), l5 = [...l5]);
                              }
                              let c5 = s5, a2 = 0, u5 = 0;
                              for (let e10 = r4 + s5; ; e10 += s5) {
                                let n6 = 0;
                                for (let o7 = 0; o7 < s5 && t7[r4 + o7] === t7[e10 + o7]; o7++) n6++;
                                if (n6 === s5) u5++;
                                else {
                                  if (!l5?.length) break;
                                  0 !== u5 && c5 * a2 < s5 * u5 && (c5 = s5, a2 = u5), s5 = l5.pop(), e10 = r4, u5 = 0;
                                }
                              }
                              0 !== a2 && c5 * a2 >= s5 * u5 && (s5 = c5, u5 = a2), u5 * s5 >= 3 && (e9.push(r4 + s5, s5, u5), r4 += s5 * (u5 + 1) - 1);
                            }
                            return e9;
                          })(r3);
                          for (let n5 = e8.length - 3; n5 >= 0; n5 -= 3) {
                            const o6 = e8[n5], i6 = e8[n5 + 1], l5 = e8[n5 + 2], s5 = `    ... collapsed ${i6 * l5} duplicate lines matching above ` + (l5 > 1 ? `${i6} lines ${l5} times...` : "lines ...");
                            r3.splice(o6, i6 * l5, t6.stylize(s5, "undefined"));
                          }
                        }
                        return r3;
                      })(r2, t5, re(s4, p3 + 1));
                      if (r2.colors) {
                        const t6 = (function() {
                          let t7;
                          try {
                            t7 = process.cwd();
                          } catch {
                            return;
                          }
                          return t7;
                        })();
                        let o5;
                        for (let i6 of n3) {
                          const n4 = It(In, i6);
                          if (null !== n4 && hn.exists(n4[1])) e6 += `
${r2.stylize(i6, "undefined")}`;
                          else {
                            if (e6 += "\n", i6 = lr(r2, i6), void 0 !== t6) {
                              let e7 = sr(r2, i6, t6);
                              e7 === i6 && (o5 = o5 || xn(t6), e7 = sr(r2, i6, o5)), i6 = e7;
                            }
                            e6 += i6;
                          }
                        }
                      } else e6 += `
${h(n3, "\n")}`;
                      s4 = e6;
                    }
                    if (0 !== r2.indentationLvl) {
                      const t6 = te(" ", r2.indentationLvl);
                      s4 = ne(s4, "\n", `
${t6}`);
                    }
                    return s4;
                  })(e4, c3, u3, t4, l3), 0 === l3.length && void 0 === s3) return d2;
                } else if (Ge(e4)) {
                  const n2 = Xn(c3, u3, Ve(e4) ? "ArrayBuffer" : "SharedArrayBuffer");
                  if (void 0 === i4) m2 = hr;
                  else if (0 === l3.length && void 0 === s3) return n2 + `{ [byteLength]: ${ur(t4.stylize, e4.byteLength, false)} }`;
                  f2[0] = `${n2}{`, E2 = ["byteLength"];
                } else if (qe(e4)) f2[0] = `${Xn(c3, u3, "DataView")}{`, E2 = ["byteLength", "byteOffset", "buffer"];
                else if (en(e4)) f2[0] = `${Xn(c3, u3, "Promise")}{`, m2 = wr;
                else if (ln(e4)) f2[0] = `${Xn(c3, u3, "WeakSet")}{`, m2 = t4.showHidden ? Ar : xr;
                else if (on(e4)) f2[0] = `${Xn(c3, u3, "WeakMap")}{`, m2 = t4.showHidden ? vr : xr;
                else if (Xe(e4)) f2[0] = `${Xn(c3, u3, "Module")}{`, m2 = yr.bind(null, l3);
                else if (Ye(e4)) {
                  if (d2 = (function(t5, e5, n2, r2, o4) {
                    let i5, l4;
                    fn(t5) ? (i5 = ct, l4 = "Number") : un(t5) ? (i5 = se, l4 = "String", n2.splice(0, t5.length)) : pn(t5) ? (i5 = O, l4 = "Boolean") : yn(t5) ? (i5 = v, l4 = "BigInt") : (i5 = ue, l4 = "Symbol");
                    let s4 = `[${l4}`;
                    return l4 !== r2 && (s4 += null === r2 ? " (null prototype)" : ` (${r2})`), s4 += `: ${pr(Zn, i5(t5), e5)}]`, "" !== o4 && o4 !== r2 && (s4 += ` [${o4}]`), 0 !== n2.length || e5.stylize === Zn ? s4 : e5.stylize(s4, le(l4));
                  })(e4, t4, l3, c3, u3), 0 === l3.length && void 0 === s3) return d2;
                } else if (!(function(t5) {
                  return Pn = Pn || n(812), "string" == typeof t5.href && t5 instanceof Pn.URL;
                })(e4) || o3 > t4.depth && null !== t4.depth) {
                  if (0 === l3.length && void 0 === s3) {
                    if (Je(e4)) {
                      const n2 = Te(e4).toString(16);
                      return t4.stylize(`[External: ${n2}]`, "special");
                    }
                    return `${er(e4, c3, u3)}{}`;
                  }
                  f2[0] = `${er(e4, c3, u3)}{`;
                } else if (l3 = (function(t5) {
                  return Sn = Sn || gt(new Pn.URL("http://user:pass@localhost:8080/?foo=bar#baz")), t5.filter((t6) => -1 === Sn[t6]);
                })(l3), d2 = e4.href, 0 === l3.length && void 0 === s3) return d2;
              }
              if (o3 > t4.depth && null !== t4.depth) {
                let n2 = re(er(e4, c3, u3), 0, -1);
                return null !== c3 && (n2 = `[${n2}]`), t4.stylize(n2, "special");
              }
              o3 += 1, t4.seen.push(e4), t4.currentDepth = o3;
              const k2 = t4.indentationLvl;
              try {
                if (R2 = m2(t4, e4, o3), void 0 !== E2) for (p2 = 0; p2 < E2.length; p2++) {
                  let n2;
                  try {
                    n2 = Or(t4, e4, o3, E2[p2], i4);
                  } catch {
                    n2 = Or(t4, { [E2[p2]]: e4.buffer[E2[p2]] }, o3, E2[p2], i4);
                  }
                  b(R2, n2);
                }
                for (p2 = 0; p2 < l3.length; p2++) b(R2, Er(t4, e4, o3, l3[p2], L2));
                void 0 !== s3 && $(R2, s3);
              } catch (n2) {
                if (!We(n2)) throw n2;
                return (function(t5, e5, n3, r2) {
                  return t5.seen.pop(), t5.indentationLvl = r2, t5.stylize(`[${n3}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`, "special");
                })(t4, 0, re(er(e4, c3, u3), 0, -1), k2);
              }
              if (void 0 !== t4.circular) {
                const n2 = t4.circular.get(e4);
                if (void 0 !== n2) {
                  const e5 = t4.stylize(`<ref *${n2}>`, "special");
                  true !== t4.compact ? d2 = "" === d2 ? e5 : `${e5} ${d2}` : f2[0] = `${e5} ${f2[0]}`;
                }
              }
              if (t4.seen.pop(), t4.sorted) {
                const e5 = true === t4.sorted ? void 0 : t4.sorted;
                if (0 === L2) S(R2, e5);
                else if (l3.length > 1) {
                  const t5 = S(P(R2, R2.length - l3.length), e5);
                  A(t5, R2, R2.length - l3.length, l3.length), Et(x, null, t5);
                }
              }
              const B3 = Lr(t4, R2, d2, f2, L2, o3, e4), T2 = (t4.budget[t4.indentationLvl] || 0) + B3.length;
              return t4.budget[t4.indentationLvl] = T2, T2 > 2 ** 27 && (t4.depth = -1), B3;
            })(t3, e3, o2, i3);
            if (0 !== s2) for (let e4 = 0; e4 < s2; e4++) u2 = `${t3.stylize("Proxy(", "special")}${u2}${t3.stylize(")", "special")}`;
            return u2;
          }
          function rr(t3, e3) {
            return e3 !== `${t3} Iterator` && ("" !== e3 && (e3 += "] ["), e3 += `${t3} Iterator`), [`[${e3}] {`, "}"];
          }
          function or(t3, e3) {
            for (let n2 = 0; n2 < t3.length - 3; n2++) {
              const r2 = g(e3, t3[n2]);
              if (-1 !== r2) {
                const o2 = e3.length - r2;
                if (o2 > 3) {
                  let i3 = 1;
                  const l2 = K2(t3.length - n2, o2);
                  for (; l2 > i3 && t3[n2 + i3] === e3[r2 + i3]; ) i3++;
                  if (i3 > 3) return [i3, n2];
                }
              }
            }
            return [0, 0];
          }
          function ir(t3, e3) {
            let n2;
            try {
              n2 = e3.stack;
            } catch {
            }
            if (n2) {
              if ("string" == typeof n2) return n2;
              t3.seen.push(e3), t3.indentationLvl += 4;
              const r2 = nr(t3, n2);
              return t3.indentationLvl -= 4, t3.seen.pop(), `${M(e3)}
    ${r2}`;
            }
            return M(e3);
          }
          function lr(t3, e3) {
            let n2 = "", r2 = 0, o2 = 0;
            for (; ; ) {
              const i3 = qt(e3, "node_modules", o2);
              if (-1 === i3) break;
              const l2 = e3[i3 - 1], s2 = e3[i3 + 12];
              if ("/" !== s2 && "\\" !== s2 || "/" !== l2 && "\\" !== l2) {
                o2 = i3 + 1;
                continue;
              }
              const c2 = i3 + 13;
              n2 += re(e3, r2, c2);
              let a2 = qt(e3, l2, c2);
              -1 === a2 ? a2 = e3.length : "@" === e3[c2] && (a2 = qt(e3, l2, a2 + 1), -1 === a2 && (a2 = e3.length));
              const u2 = re(e3, c2, a2);
              n2 += t3.stylize(u2, "module"), r2 = a2, o2 = a2;
            }
            return 0 !== r2 && (e3 = n2 + re(e3, r2)), e3;
          }
          function sr(t3, e3, n2) {
            let r2 = qt(e3, n2), o2 = "", i3 = n2.length;
            if (-1 !== r2) {
              "file://" === re(e3, r2 - 7, r2) && (i3 += 7, r2 -= 7);
              const n3 = "(" === e3[r2 - 1] ? r2 - 1 : r2, l2 = n3 !== r2 && Zt(e3, ")") ? -1 : e3.length, s2 = r2 + i3 + 1, c2 = re(e3, n3, s2);
              o2 += re(e3, 0, n3), o2 += t3.stylize(c2, "undefined"), o2 += re(e3, s2, l2), -1 === l2 && (o2 += t3.stylize(")", "undefined"));
            } else o2 += e3;
            return o2;
          }
          function cr(t3) {
            let e3 = "", n2 = t3.length;
            gn(0 !== n2);
            const r2 = "-" === t3[0] ? 1 : 0;
            for (; n2 >= r2 + 4; n2 -= 3) e3 = `_${re(t3, n2 - 3, n2)}${e3}`;
            return n2 === t3.length ? t3 : `${re(t3, 0, n2)}${e3}`;
          }
          const ar = (t3) => `... ${t3} more item${t3 > 1 ? "s" : ""}`;
          function ur(t3, e3, n2) {
            if (dt(e3, -0)) return t3("-0", "number");
            if (!n2) return t3(`${e3}`, "number");
            const r2 = Ht(e3);
            if (tt(e3) === e3) return !nt(e3) || Yt(r2, "e") ? t3(r2, "number") : t3(cr(r2), "number");
            if (rt(e3) || Yt(r2, "e")) return t3(r2, "number");
            const o2 = qt(r2, "."), i3 = re(r2, 0, o2), l2 = re(r2, o2 + 1);
            return t3(`${cr(i3)}.${(function(t4) {
              let e4 = "", n3 = 0;
              for (; n3 < t4.length - 3; n3 += 3) e4 += `${re(t4, n3, n3 + 3)}_`;
              return 0 === n3 ? t4 : `${e4}${re(t4, n3)}`;
            })(l2)}`, "number");
          }
          function fr(t3, e3, n2) {
            const r2 = Ht(e3);
            return t3(n2 ? `${cr(r2)}n` : `${r2}n`, "bigint");
          }
          function pr(t3, e3, n2) {
            if ("string" == typeof e3) {
              let r2 = "";
              if (e3.length > n2.maxStringLength) {
                const t4 = e3.length - n2.maxStringLength;
                e3 = re(e3, 0, n2.maxStringLength), r2 = `... ${t4} more character${t4 > 1 ? "s" : ""}`;
              }
              return true !== n2.compact && e3.length > 16 && e3.length > n2.breakLength - n2.indentationLvl - 4 ? h(d(zt(/(?<=\n)/, e3), (e4) => t3(Gn(e4), "string")), ` +
${te(" ", n2.indentationLvl + 2)}`) + r2 : t3(Gn(e3), "string") + r2;
            }
            return "number" == typeof e3 ? ur(t3, e3, n2.numericSeparator) : "bigint" == typeof e3 ? fr(t3, e3, n2.numericSeparator) : "boolean" == typeof e3 ? t3(`${e3}`, "boolean") : void 0 === e3 ? t3("undefined", "undefined") : t3(ae(e3), "symbol");
          }
          function yr(t3, e3, n2, r2) {
            const o2 = new l(t3.length);
            for (let i3 = 0; i3 < t3.length; i3++) try {
              o2[i3] = Er(e3, n2, r2, t3[i3], 0);
            } catch (n3) {
              gn(tn(n3) && "ReferenceError" === n3.name);
              const l2 = { [t3[i3]]: "" };
              o2[i3] = Er(e3, l2, r2, t3[i3], 0);
              const s2 = Jt(o2[i3], " ");
              o2[i3] = re(o2[i3], 0, s2 + 1) + e3.stylize("<uninitialized>", "special");
            }
            return t3.length = 0, o2;
          }
          function gr(t3, e3, n2, r2, o2, i3) {
            const l2 = mt(e3);
            let s2 = i3;
            for (; i3 < l2.length && o2.length < r2; i3++) {
              const c3 = l2[i3], a2 = +c3;
              if (a2 > 2 ** 32 - 2) break;
              if (`${s2}` !== c3) {
                if (null === It(kn, c3)) break;
                const e4 = a2 - s2, n3 = `<${e4} empty item${e4 > 1 ? "s" : ""}>`;
                if (b(o2, t3.stylize(n3, "undefined")), s2 = a2, o2.length === r2) break;
              }
              b(o2, Er(t3, e3, n2, c3, 1)), s2++;
            }
            const c2 = e3.length - s2;
            if (o2.length !== r2) {
              if (c2 > 0) {
                const e4 = `<${c2} empty item${c2 > 1 ? "s" : ""}>`;
                b(o2, t3.stylize(e4, "undefined"));
              }
            } else c2 > 0 && b(o2, ar(c2));
            return o2;
          }
          function hr(t3, e3) {
            let r2;
            try {
              r2 = new $e(e3);
            } catch {
              return [t3.stylize("(detached)", "special")];
            }
            void 0 === $n && ($n = we(n(537).h.prototype.hexSlice));
            const o2 = $n(r2, 0, K2(t3.maxArrayLength, r2.length));
            let i3 = "", l2 = 0;
            for (; l2 < o2.length - 2; l2 += 2) i3 += `${o2[l2]}${o2[l2 + 1]} `;
            o2.length > 0 && (i3 += `${o2[l2]}${o2[l2 + 1]}`);
            const s2 = r2.length - t3.maxArrayLength;
            return s2 > 0 && (i3 += ` ... ${s2} more byte${s2 > 1 ? "s" : ""}`), [`${t3.stylize("[Uint8Contents]", "special")}: <${i3}>`];
          }
          function dr(t3, e3, n2) {
            const r2 = e3.length, o2 = K2(J(0, t3.maxArrayLength), r2), i3 = r2 - o2, l2 = [];
            for (let r3 = 0; r3 < o2; r3++) {
              const i4 = pt(e3, r3);
              if (void 0 === i4) return gr(t3, e3, n2, o2, l2, r3);
              b(l2, Er(t3, e3, n2, r3, 1, i4));
            }
            return i3 > 0 && b(l2, ar(i3)), l2;
          }
          function mr(t3, e3, n2) {
            const r2 = K2(J(0, n2.maxArrayLength), e3), o2 = t3.length - r2, i3 = new l(r2), s2 = t3.length > 0 && "number" == typeof t3[0] ? ur : fr;
            for (let e4 = 0; e4 < r2; ++e4) i3[e4] = s2(n2.stylize, t3[e4], n2.numericSeparator);
            return o2 > 0 && (i3[r2] = ar(o2)), i3;
          }
          function br(t3, e3, n2, r2) {
            const o2 = t3.size, i3 = K2(J(0, e3.maxArrayLength), o2), l2 = o2 - i3, s2 = [];
            e3.indentationLvl += 2;
            let c2 = 0;
            for (const n3 of t3) {
              if (c2 >= i3) break;
              b(s2, nr(e3, n3, r2)), c2++;
            }
            return l2 > 0 && b(s2, ar(l2)), e3.indentationLvl -= 2, s2;
          }
          function $r(t3, e3, n2, r2) {
            const o2 = t3.size, i3 = K2(J(0, e3.maxArrayLength), o2), l2 = o2 - i3, s2 = [];
            e3.indentationLvl += 2;
            let c2 = 0;
            for (const { 0: n3, 1: o3 } of t3) {
              if (c2 >= i3) break;
              b(s2, `${nr(e3, n3, r2)} => ${nr(e3, o3, r2)}`), c2++;
            }
            return l2 > 0 && b(s2, ar(l2)), e3.indentationLvl -= 2, s2;
          }
          function Pr(t3, e3, n2, r2) {
            const o2 = J(t3.maxArrayLength, 0), i3 = K2(o2, n2.length), s2 = new l(i3);
            t3.indentationLvl += 2;
            for (let r3 = 0; r3 < i3; r3++) s2[r3] = nr(t3, n2[r3], e3);
            t3.indentationLvl -= 2, 0 !== r2 || t3.sorted || S(s2);
            const c2 = n2.length - i3;
            return c2 > 0 && b(s2, ar(c2)), s2;
          }
          function Sr(t3, e3, n2, r2) {
            const o2 = J(t3.maxArrayLength, 0), i3 = n2.length / 2, s2 = i3 - o2, c2 = K2(o2, i3), a2 = new l(c2);
            let u2 = 0;
            if (t3.indentationLvl += 2, 0 === r2) {
              for (; u2 < c2; u2++) {
                const r3 = 2 * u2;
                a2[u2] = `${nr(t3, n2[r3], e3)} => ${nr(t3, n2[r3 + 1], e3)}`;
              }
              t3.sorted || S(a2);
            } else for (; u2 < c2; u2++) {
              const r3 = 2 * u2, o3 = [nr(t3, n2[r3], e3), nr(t3, n2[r3 + 1], e3)];
              a2[u2] = Lr(t3, o3, "", ["[", "]"], 2, e3);
            }
            return t3.indentationLvl -= 2, s2 > 0 && b(a2, ar(s2)), a2;
          }
          function xr(t3) {
            return [t3.stylize("<items unknown>", "special")];
          }
          function Ar(t3, e3, n2) {
            return Pr(t3, n2, ze(e3), 0);
          }
          function vr(t3, e3, n2) {
            return Sr(t3, n2, ze(e3), 0);
          }
          function _r(t3, e3, n2, r2) {
            const { 0: o2, 1: i3 } = ze(n2, true);
            return i3 ? (t3[0] = jt(/ Iterator] {$/, t3[0], " Entries] {"), Sr(e3, r2, o2, 2)) : Pr(e3, r2, o2, 1);
          }
          function wr(t3, e3, n2) {
            let r2;
            const { 0: o2, 1: i3 } = Ie(e3);
            if (o2 === Re) r2 = [t3.stylize("<pending>", "special")];
            else {
              t3.indentationLvl += 2;
              const e4 = nr(t3, i3, n2);
              t3.indentationLvl -= 2, r2 = [o2 === Le ? `${t3.stylize("<rejected>", "special")} ${e4}` : e4];
            }
            return r2;
          }
          function Or(t3, e3, n2, r2, o2) {
            t3.indentationLvl += 2;
            const i3 = nr(t3, e3[r2], n2, o2);
            return t3.indentationLvl -= 2, `${t3.stylize(`[${r2}]`, "string")}: ${i3}`;
          }
          function Er(t3, e3, n2, r2, o2, i3, l2 = e3) {
            let s2, c2, a2 = " ";
            if (void 0 !== (i3 = i3 || pt(e3, r2)).value) {
              const e4 = true !== t3.compact || 0 !== o2 ? 2 : 3;
              t3.indentationLvl += e4, c2 = nr(t3, i3.value, n2), 3 === e4 && t3.breakLength < Mn(c2, t3.colors) && (a2 = `
${te(" ", t3.indentationLvl)}`), t3.indentationLvl -= e4;
            } else if (void 0 !== i3.get) {
              const e4 = void 0 !== i3.set ? "Getter/Setter" : "Getter", r3 = t3.stylize, o3 = "special";
              if (t3.getters && (true === t3.getters || "get" === t3.getters && void 0 === i3.set || "set" === t3.getters && void 0 !== i3.set)) {
                t3.indentationLvl += 2;
                try {
                  const s3 = D(i3.get, l2);
                  if (null === s3) c2 = `${r3(`[${e4}:`, o3)} ${r3("null", "null")}${r3("]", o3)}`;
                  else if ("object" == typeof s3) c2 = `${r3(`[${e4}]`, o3)} ${nr(t3, s3, n2)}`;
                  else {
                    const n3 = pr(r3, s3, t3);
                    c2 = `${r3(`[${e4}:`, o3)} ${n3}${r3("]", o3)}`;
                  }
                } catch (i4) {
                  const l3 = `<Inspection threw (${nr(t3, i4, n2)})>`;
                  c2 = `${r3(`[${e4}:`, o3)} ${l3}${r3("]", o3)}`;
                }
                t3.indentationLvl -= 2;
              } else c2 = t3.stylize(`[${e4}]`, o3);
            } else c2 = void 0 !== i3.set ? t3.stylize("[Setter]", "special") : t3.stylize("undefined", "undefined");
            if (1 === o2) return c2;
            if ("symbol" == typeof r2) {
              const e4 = jt(On, ae(r2), Un);
              s2 = t3.stylize(e4, "symbol");
            } else s2 = null !== It(Ln, r2) ? "__proto__" === r2 ? "['__proto__']" : t3.stylize(r2, "name") : t3.stylize(Gn(r2), "string");
            return false === i3.enumerable && (s2 = `[${s2}]`), `${s2}:${a2}${c2}`;
          }
          function Rr(t3, e3, n2, r2) {
            let o2 = e3.length + n2;
            if (o2 + e3.length > t3.breakLength) return false;
            for (let n3 = 0; n3 < e3.length; n3++) if (t3.colors ? o2 += De(e3[n3]).length : o2 += e3[n3].length, o2 > t3.breakLength) return false;
            return "" === r2 || !Yt(r2, "\n");
          }
          function Lr(t3, e3, n2, r2, o2, i3, s2) {
            if (true !== t3.compact) {
              if ("number" == typeof t3.compact && t3.compact >= 1) {
                const c4 = e3.length;
                if (2 === o2 && c4 > 6 && (e3 = (function(t4, e4, n3) {
                  let r3 = 0, o3 = 0, i4 = 0, s3 = e4.length;
                  t4.maxArrayLength < e4.length && s3--;
                  const c5 = new l(s3);
                  for (; i4 < s3; i4++) {
                    const n4 = Mn(e4[i4], t4.colors);
                    c5[i4] = n4, r3 += n4 + 2, o3 < n4 && (o3 = n4);
                  }
                  const a3 = o3 + 2;
                  if (3 * a3 + t4.indentationLvl < t4.breakLength && (r3 / a3 > 5 || o3 <= 6)) {
                    const o4 = 2.5, i5 = X(a3 - r3 / e4.length), l2 = J(a3 - 3 - i5, 1), u2 = K2(Q(X(o4 * l2 * s3) / l2), q((t4.breakLength - t4.indentationLvl) / a3), 4 * t4.compact, 15);
                    if (u2 <= 1) return e4;
                    const f2 = [], p2 = [];
                    for (let t5 = 0; t5 < u2; t5++) {
                      let n4 = 0;
                      for (let r4 = t5; r4 < e4.length; r4 += u2) c5[r4] > n4 && (n4 = c5[r4]);
                      n4 += 2, p2[t5] = n4;
                    }
                    let y2 = Xt;
                    if (void 0 !== n3) {
                      for (let t5 = 0; t5 < e4.length; t5++) if ("number" != typeof n3[t5] && "bigint" != typeof n3[t5]) {
                        y2 = Qt;
                        break;
                      }
                    }
                    for (let t5 = 0; t5 < s3; t5 += u2) {
                      const n4 = K2(t5 + u2, s3);
                      let r4 = "", o5 = t5;
                      for (; o5 < n4 - 1; o5++) {
                        const n5 = p2[o5 - t5] + e4[o5].length - c5[o5];
                        r4 += y2(`${e4[o5]}, `, n5, " ");
                      }
                      if (y2 === Xt) {
                        const n5 = p2[o5 - t5] + e4[o5].length - c5[o5] - 2;
                        r4 += Xt(e4[o5], n5, " ");
                      } else r4 += e4[o5];
                      b(f2, r4);
                    }
                    t4.maxArrayLength < e4.length && b(f2, e4[s3]), e4 = f2;
                  }
                  return e4;
                })(t3, e3, s2)), t3.currentDepth - i3 < t3.compact && c4 === e3.length && Rr(t3, e3, e3.length + t3.indentationLvl + r2[0].length + n2.length + 10, n2)) {
                  const t4 = Ce(e3, ", ");
                  if (!Yt(t4, "\n")) return `${n2 ? `${n2} ` : ""}${r2[0]} ${t4} ${r2[1]}`;
                }
              }
              const c3 = `
${te(" ", t3.indentationLvl)}`;
              return `${n2 ? `${n2} ` : ""}${r2[0]}${c3}  ${Ce(e3, `,${c3}  `)}${c3}${r2[1]}`;
            }
            if (Rr(t3, e3, 0, n2)) return `${r2[0]}${n2 ? ` ${n2}` : ""} ${Ce(e3, ", ")} ` + r2[1];
            const c2 = te(" ", t3.indentationLvl), a2 = "" === n2 && 1 === r2[0].length ? " " : `${n2 ? ` ${n2}` : ""}
${c2}  `;
            return `${r2[0]}${a2}${Ce(e3, `,
${c2}  `)} ${r2[1]}`;
          }
          function kr(t3) {
            const e3 = je(t3, false);
            if (void 0 !== e3) return null === e3 || kr(e3);
            let n2 = $t, r2 = $t;
            if ("function" != typeof t3.toString) {
              if ("function" != typeof t3[fe]) return true;
              if ($t(t3, fe)) return false;
              n2 = Ir;
            } else {
              if ($t(t3, "toString")) return false;
              if ("function" != typeof t3[fe]) r2 = Ir;
              else if ($t(t3, fe)) return false;
            }
            let o2 = t3;
            do {
              o2 = ht(o2);
            } while (!n2(o2, "toString") && !r2(o2, fe));
            const i3 = pt(o2, "constructor");
            return void 0 !== i3 && "function" == typeof i3.value && An.has(i3.value.name);
          }
          function Ir() {
            return false;
          }
          const jr = (t3) => oe(t3.message, "\n", 1)[0];
          let zr;
          function Br(t3) {
            try {
              return U(t3);
            } catch (t4) {
              if (!zr) try {
                const t5 = {};
                t5.a = t5, U(t5);
              } catch (t5) {
                zr = jr(t5);
              }
              if ("TypeError" === t4.name && jr(t4) === zr) return "[Circular]";
              throw t4;
            }
          }
          function Tr(t3, e3) {
            return ur(Zn, t3, e3?.numericSeparator ?? _n.numericSeparator);
          }
          function Mr(t3, e3) {
            return fr(Zn, t3, e3?.numericSeparator ?? _n.numericSeparator);
          }
          function Nr(t3, e3) {
            const n2 = e3[0];
            let r2 = 0, o2 = "", i3 = "";
            if ("string" == typeof n2) {
              if (1 === e3.length) return n2;
              let l2, s2 = 0;
              for (let i4 = 0; i4 < n2.length - 1; i4++) if (37 === Gt(n2, i4)) {
                const c2 = Gt(n2, ++i4);
                if (r2 + 1 !== e3.length) {
                  switch (c2) {
                    case 115: {
                      const n3 = e3[++r2];
                      l2 = "number" == typeof n3 ? Tr(n3, t3) : "bigint" == typeof n3 ? Mr(n3, t3) : "object" == typeof n3 && null !== n3 && kr(n3) ? Nn(n3, { ...t3, compact: 3, colors: false, depth: 0 }) : Ht(n3);
                      break;
                    }
                    case 106:
                      l2 = Br(e3[++r2]);
                      break;
                    case 100: {
                      const n3 = e3[++r2];
                      l2 = "bigint" == typeof n3 ? Mr(n3, t3) : "symbol" == typeof n3 ? "NaN" : Tr(et(n3), t3);
                      break;
                    }
                    case 79:
                      l2 = Nn(e3[++r2], t3);
                      break;
                    case 111:
                      l2 = Nn(e3[++r2], { ...t3, showHidden: true, showProxy: true, depth: 4 });
                      break;
                    case 105: {
                      const n3 = e3[++r2];
                      l2 = "bigint" == typeof n3 ? Mr(n3, t3) : "symbol" == typeof n3 ? "NaN" : Tr(it(n3), t3);
                      break;
                    }
                    case 102: {
                      const n3 = e3[++r2];
                      l2 = "symbol" == typeof n3 ? "NaN" : Tr(ot(n3), t3);
                      break;
                    }
                    case 99:
                      r2 += 1, l2 = "";
                      break;
                    case 37:
                      o2 += re(n2, s2, i4), s2 = i4 + 1;
                      continue;
                    default:
                      continue;
                  }
                  s2 !== i4 - 1 && (o2 += re(n2, s2, i4 - 1)), o2 += l2, s2 = i4 + 1;
                } else 37 === c2 && (o2 += re(n2, s2, i4), s2 = i4 + 1);
              }
              0 !== s2 && (r2++, i3 = " ", s2 < n2.length && (o2 += re(n2, s2)));
            }
            for (; r2 < e3.length; ) {
              const n3 = e3[r2];
              o2 += i3, o2 += "string" != typeof n3 ? Nn(n3, t3) : n3, i3 = " ", r2++;
            }
            return o2;
          }
          function Fr(t3) {
            return t3 <= 31 || t3 >= 127 && t3 <= 159 || t3 >= 768 && t3 <= 879 || t3 >= 8203 && t3 <= 8207 || t3 >= 8400 && t3 <= 8447 || t3 >= 65024 && t3 <= 65039 || t3 >= 65056 && t3 <= 65071 || t3 >= 917760 && t3 <= 917999;
          }
          if (_e("config").hasIntl) gn(false);
          else {
            Mn = function(e3, n2 = true) {
              let r2 = 0;
              n2 && (e3 = Cr(e3)), e3 = Kt(e3, "NFC");
              for (const n3 of new Nt(e3)) {
                const e4 = Vt(n3, 0);
                t3(e4) ? r2 += 2 : Fr(e4) || r2++;
              }
              return r2;
            };
            const t3 = (t4) => t4 >= 4352 && (t4 <= 4447 || 9001 === t4 || 9002 === t4 || t4 >= 11904 && t4 <= 12871 && 12351 !== t4 || t4 >= 12880 && t4 <= 19903 || t4 >= 19968 && t4 <= 42182 || t4 >= 43360 && t4 <= 43388 || t4 >= 44032 && t4 <= 55203 || t4 >= 63744 && t4 <= 64255 || t4 >= 65040 && t4 <= 65049 || t4 >= 65072 && t4 <= 65131 || t4 >= 65281 && t4 <= 65376 || t4 >= 65504 && t4 <= 65510 || t4 >= 110592 && t4 <= 110593 || t4 >= 127488 && t4 <= 127569 || t4 >= 127744 && t4 <= 128591 || t4 >= 131072 && t4 <= 262141);
          }
          function Cr(t3) {
            return mn(t3, "str"), -1 === qt(t3, "\x1B") && -1 === qt(t3, "\x9B") ? t3 : jt(Tn, t3, "");
          }
          const Dr = { 34: "&quot;", 38: "&amp;", 39: "&apos;", 60: "&lt;", 62: "&gt;", 160: "&nbsp;" };
          function Wr(t3) {
            return t3.replace(/[\u0000-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u00FF]/g, (t4) => {
              const e3 = Ht(t4.charCodeAt(0));
              return Dr[e3] || "&#" + e3 + ";";
            });
          }
          t2.exports = { identicalSequenceRange: or, inspect: Nn, inspectDefaultOptions: _n, format: function(...t3) {
            return Nr(void 0, t3);
          }, formatWithOptions: function(t3, ...e3) {
            return dn(t3, "inspectOptions", bn), Nr(t3, e3);
          }, getStringWidth: Mn, stripVTControlCharacters: Cr, isZeroWidthCodePoint: Fr, stylizeWithColor: Vn, stylizeWithHTML(t3, e3) {
            const n2 = Nn.styles[e3];
            return void 0 !== n2 ? `<span style="color:${n2};">${Wr(t3)}</span>` : Wr(t3);
          }, Proxy: Me };
        }, 123(t2, e2, n) {
          let r;
          function o() {
            return r = null != r ? r : n(778).codes.ERR_INTERNAL_ASSERTION;
          }
          function i2(t3, e3) {
            if (!t3) throw new (o())(e3);
          }
          i2.fail = function(t3) {
            throw new (o())(t3);
          }, t2.exports = i2;
        }, 947(t2) {
          const e2 = ["_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server", "_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap", "_stream_writable", "_tls_common", "_tls_wrap", "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector", "module", "Module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises", "repl", "stream", "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers", "timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi", "worker_threads", "zlib"];
          t2.exports.BuiltinModule = { exists: (t3) => "internal/modules/cjs/foo" !== t3 && (t3.startsWith("internal/") || -1 !== e2.indexOf(t3)) };
        }, 244(t2) {
          t2.exports = { CHAR_DOT: 46, CHAR_FORWARD_SLASH: 47, CHAR_BACKWARD_SLASH: 92 };
        }, 778(t2, e2, n) {
          const r = n(683), { ArrayIsArray: o, ArrayPrototypeIncludes: i2, ArrayPrototypeIndexOf: l, ArrayPrototypeJoin: s, ArrayPrototypePush: c, ArrayPrototypeSlice: a, ArrayPrototypeSplice: u, Error: f, ErrorCaptureStackTrace: p, JSONStringify: y, ObjectDefineProperty: g, ReflectApply: h, RegExpPrototypeExec: d, SafeMap: m, SafeWeakMap: b, String: $, StringPrototypeEndsWith: P, StringPrototypeIncludes: S, StringPrototypeIndexOf: x, StringPrototypeSlice: A, StringPrototypeToLowerCase: v, Symbol: _, TypeError: w } = r, O = _("kIsNodeError"), E = new m(), R = {}, L = /^[A-Z][a-zA-Z0-9]*$/, k = ["string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol"], I = new b(), j = n(123);
          let z, B2, T = null;
          function M(t3, e3, n2) {
            E.set(t3, e3);
            const r2 = (o2 = n2, i3 = t3, class extends o2 {
              code = i3;
              constructor(...t4) {
                super(), g(this, "message", { __proto__: null, value: N(i3, t4, this), enumerable: false, writable: true, configurable: true });
              }
              toString() {
                return `${this.name} [${i3}]: ${this.message}`;
              }
            });
            var o2, i3;
            R[t3] = r2;
          }
          function N(t3, e3, n2) {
            const r2 = E.get(t3);
            if ("function" == typeof r2) return j(r2.length <= e3.length, `Code: ${t3}; The provided arguments length (${e3.length}) does not match the required ones (${r2.length}).`), h(r2, n2, e3);
          }
          const F = _("kEnhanceStackBeforeInspector");
          function C(t3) {
            if (null === t3) return "null";
            if (void 0 === t3) return "undefined";
            switch (typeof t3) {
              case "bigint":
                return `type bigint (${t3}n)`;
              case "number":
                return 0 === t3 ? 1 / t3 == -1 / 0 ? "type number (-0)" : "type number (0)" : t3 != t3 ? "type number (NaN)" : t3 === 1 / 0 ? "type number (Infinity)" : t3 === -1 / 0 ? "type number (-Infinity)" : `type number (${t3})`;
              case "boolean":
                return t3 ? "type boolean (true)" : "type boolean (false)";
              case "symbol":
                return `type symbol (${$(t3)})`;
              case "function":
                return `function ${t3.name}`;
              case "object":
                return t3.constructor && "name" in t3.constructor ? `an instance of ${t3.constructor.name}` : `${(T = T || n(223), T).inspect(t3, { depth: -1 })}`;
              case "string":
                return t3.length > 28 && (t3 = `${A(t3, 0, 25)}...`), -1 === x(t3, "'") ? `type string ('${t3}')` : `type string (${y(t3)})`;
            }
          }
          function D(t3, e3 = "and") {
            switch (t3.length) {
              case 0:
                return "";
              case 1:
                return `${t3[0]}`;
              case 2:
                return `${t3[0]} ${e3} ${t3[1]}`;
              case 3:
                return `${t3[0]}, ${t3[1]}, ${e3} ${t3[2]}`;
              default:
                return `${s(a(t3, 0, -1), ", ")}, ${e3} ${t3[t3.length - 1]}`;
            }
          }
          t2.exports = { codes: R, determineSpecificType: C, E: M, formatList: D, getMessage: N, hideStackFrames: function(t3) {
            function e3(...n2) {
              try {
                return h(t3, this, n2);
              } catch (t4) {
                throw f.stackTraceLimit && p(t4, e3), t4;
              }
            }
            return e3.withoutStackTrace = t3, e3;
          }, isStackOverflowError: function(t3) {
            if (void 0 === B2) try {
              let e3 = function() {
                e3();
              };
              e3();
            } catch (t4) {
              B2 = t4.message, z = t4.name;
            }
            return t3 && t3.name === z && t3.message === B2;
          }, kEnhanceStackBeforeInspector: F, kIsNodeError: O, overrideStackTrace: I }, M("ERR_INTERNAL_ASSERTION", (t3) => {
            const e3 = "This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at https://github.com/nodejs/node/issues\n";
            return void 0 === t3 ? e3 : `${t3}
${e3}`;
          }, f), M("ERR_INVALID_ARG_TYPE", (t3, e3, n2) => {
            j("string" == typeof t3, "'name' must be a string"), o(e3) || (e3 = [e3]);
            let r2 = "The ";
            P(t3, " argument") ? r2 += `${t3} ` : r2 += `"${t3}" ${S(t3, ".") ? "property" : "argument"} `, r2 += "must be ";
            const s2 = [], a2 = [], f2 = [];
            for (const t4 of e3) j("string" == typeof t4, "All expected entries have to be of type string"), i2(k, t4) ? c(s2, v(t4)) : null !== d(L, t4) ? c(a2, t4) : (j("object" !== t4, 'The value "object" should be written as "Object"'), c(f2, t4));
            if (a2.length > 0) {
              const t4 = l(s2, "object");
              -1 !== t4 && (u(s2, t4, 1), c(a2, "Object"));
            }
            return s2.length > 0 && (r2 += `${s2.length > 1 ? "one of type" : "of type"} ${D(s2, "or")}`, (a2.length > 0 || f2.length > 0) && (r2 += " or ")), a2.length > 0 && (r2 += `an instance of ${D(a2, "or")}`, f2.length > 0 && (r2 += " or ")), f2.length > 0 && (f2.length > 1 ? r2 += `one of ${D(f2, "or")}` : (v(f2[0]) !== f2[0] && (r2 += "an "), r2 += `${f2[0]}`)), r2 += `. Received ${C(n2)}`, r2;
          }, w);
        }, 812(t2, e2, n) {
          const { StringPrototypeCharCodeAt: r, StringPrototypeIncludes: o, StringPrototypeReplace: i2 } = n(683), l = n(878), { CHAR_FORWARD_SLASH: s } = n(244), c = n(120), a = /%/g, u = /\\/g, f = /\n/g, p = /\r/g, y = /\t/g;
          t2.exports = { pathToFileURL: function(t3) {
            const e3 = new l("file://");
            let n2 = c.resolve(t3);
            return r(t3, t3.length - 1) === s && n2[n2.length - 1] !== c.sep && (n2 += "/"), e3.pathname = (function(t4) {
              return o(t4, "%") && (t4 = i2(t4, a, "%25")), o(t4, "\\") && (t4 = i2(t4, u, "%5C")), o(t4, "\n") && (t4 = i2(t4, f, "%0A")), o(t4, "\r") && (t4 = i2(t4, p, "%0D")), o(t4, "	") && (t4 = i2(t4, y, "%09")), t4;
            })(n2), e3;
          }, URL: l };
        }, 101(t2, e2, n) {
          const r = n(683), { ArrayPrototypeJoin: o, Error: i2, ErrorIsError: l, FunctionPrototypeSymbolHasInstance: s, StringPrototypeReplace: c, SymbolFor: a } = r, u = /\u001b\[\d\d?m/g;
          t2.exports = { customInspectSymbol: a("nodejs.util.inspect.custom"), isError: (t3) => l?.(t3) || s(i2, t3), join: o, removeColors: (t3) => c(t3, u, "") };
        }, 499(t2, e2, n) {
          const r = n(683), { ArrayIsArray: o, BigInt: i2, Boolean: l, DatePrototype: s, Error: c, FunctionPrototype: a, MapPrototypeHas: u, Number: f, ObjectDefineProperty: p, ObjectGetOwnPropertyDescriptor: y, ObjectGetPrototypeOf: g, ObjectIsFrozen: h, ObjectPrototype: d, SetPrototypeHas: m, String: b, Symbol: $, SymbolToStringTag: P, globalThis: S } = r, { getConstructorName: x } = n(727);
          function A(t3, ...e3) {
            for (const n2 of e3) {
              const e4 = S[n2];
              if (e4 && t3 instanceof e4) return true;
            }
            for (; t3; ) {
              if ("object" != typeof t3) return false;
              if (e3.indexOf(x(t3)) >= 0) return true;
              t3 = g(t3);
            }
            return false;
          }
          function v(t3) {
            return (e3) => {
              if (!A(e3, t3.name)) return false;
              try {
                t3.prototype.valueOf.call(e3);
              } catch {
                return false;
              }
              return true;
            };
          }
          "object" != typeof S && (p(d, "__magic__", { get: function() {
            return this;
          }, configurable: true }), __magic__.globalThis = __magic__, delete d.__magic__);
          const _ = v(b), w = v(f), O = v(l), E = v(i2), R = v($);
          t2.exports = { isAsyncFunction: (t3) => "function" == typeof t3 && a.toString.call(t3).startsWith("async"), isGeneratorFunction: (t3) => "function" == typeof t3 && a.toString.call(t3).match(/^(async\s+)?function *\*/), isAnyArrayBuffer: (t3) => A(t3, "ArrayBuffer", "SharedArrayBuffer"), isArrayBuffer: (t3) => A(t3, "ArrayBuffer"), isArgumentsObject(t3) {
            if (null !== t3 && "object" == typeof t3 && !o(t3) && "number" == typeof t3.length && t3.length === (0 | t3.length) && t3.length >= 0) {
              const e3 = y(t3, "callee");
              return e3 && !e3.enumerable;
            }
            return false;
          }, isBoxedPrimitive: (t3) => w(t3) || _(t3) || O(t3) || E(t3) || R(t3), isDataView: (t3) => A(t3, "DataView"), isExternal: (t3) => "object" == typeof t3 && h(t3) && null == g(t3), isMap(t3) {
            if (!A(t3, "Map")) return false;
            try {
              u(t3);
            } catch {
              return false;
            }
            return true;
          }, isMapIterator: (t3) => "[object Map Iterator]" === d.toString.call(g(t3)), isModuleNamespaceObject(t3) {
            try {
              return t3 && "object" == typeof t3 && "Module" === t3[P];
            } catch {
              return false;
            }
          }, isNativeError: (t3) => t3 instanceof c && A(t3, "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError"), isPromise: (t3) => A(t3, "Promise"), isSet(t3) {
            if (!A(t3, "Set")) return false;
            try {
              m(t3);
            } catch {
              return false;
            }
            return true;
          }, isSetIterator: (t3) => "[object Set Iterator]" === d.toString.call(g(t3)), isWeakMap: (t3) => A(t3, "WeakMap"), isWeakSet: (t3) => A(t3, "WeakSet"), isRegExp: (t3) => A(t3, "RegExp"), isDate(t3) {
            if (A(t3, "Date")) try {
              return s.getTime.call(t3), true;
            } catch {
            }
            return false;
          }, isTypedArray: (t3) => A(t3, "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"), isStringObject: _, isNumberObject: w, isBooleanObject: O, isBigIntObject: E, isSymbolObject: R };
        }, 302(t2, e2, n) {
          const { ArrayIsArray: r } = n(683), { hideStackFrames: o, codes: { ERR_INVALID_ARG_TYPE: i2 } } = n(778), l = o((t3, e3, n2 = 0) => {
            if (0 === n2) {
              if (null === t3 || r(t3)) throw new i2(e3, "Object", t3);
              if ("object" != typeof t3) throw new i2(e3, "Object", t3);
            } else {
              if (!(1 & n2) && null === t3) throw new i2(e3, "Object", t3);
              if (!(2 & n2) && r(t3)) throw new i2(e3, "Object", t3);
              const o2 = typeof t3;
              if (!("object" === o2 || 4 & n2 && "function" === o2)) throw new i2(e3, "Object", t3);
            }
          });
          t2.exports = { kValidateObjectNone: 0, kValidateObjectAllowNullable: 1, kValidateObjectAllowArray: 2, kValidateObjectAllowFunction: 4, validateObject: l, validateString: function(t3, e3) {
            if ("string" != typeof t3) throw new i2(e3, "string", t3);
          } };
        }, 120(t2, e2, n) {
          const { StringPrototypeCharCodeAt: r, StringPrototypeLastIndexOf: o, StringPrototypeSlice: i2 } = n(683), { CHAR_DOT: l, CHAR_FORWARD_SLASH: s } = n(244), { validateString: c } = n(302);
          function a(t3) {
            return t3 === s;
          }
          function u(t3, e3, n2, c2) {
            let a2 = "", u2 = 0, f = -1, p = 0, y = 0;
            for (let g = 0; g <= t3.length; ++g) {
              if (g < t3.length) y = r(t3, g);
              else {
                if (c2(y)) break;
                y = s;
              }
              if (c2(y)) {
                if (f === g - 1 || 1 === p) ;
                else if (2 === p) {
                  if (a2.length < 2 || 2 !== u2 || r(a2, a2.length - 1) !== l || r(a2, a2.length - 2) !== l) {
                    if (a2.length > 2) {
                      const t4 = o(a2, n2);
                      -1 === t4 ? (a2 = "", u2 = 0) : (a2 = i2(a2, 0, t4), u2 = a2.length - 1 - o(a2, n2)), f = g, p = 0;
                      continue;
                    }
                    if (0 !== a2.length) {
                      a2 = "", u2 = 0, f = g, p = 0;
                      continue;
                    }
                  }
                  e3 && (a2 += a2.length > 0 ? `${n2}..` : "..", u2 = 2);
                } else a2.length > 0 ? a2 += `${n2}${i2(t3, f + 1, g)}` : a2 = i2(t3, f + 1, g), u2 = g - f - 1;
                f = g, p = 0;
              } else y === l && -1 !== p ? ++p : p = -1;
            }
            return a2;
          }
          t2.exports = { isPosixPathSeparator: a, normalizeString: u, resolve: function(...t3) {
            if (0 === t3.length || 1 === t3.length && ("" === t3[0] || "." === t3[0])) {
              const t4 = "/";
              if (r(t4, 0) === s) return t4;
            }
            let e3 = "", n2 = false;
            for (let o2 = t3.length - 1; o2 >= 0 && !n2; o2--) {
              const i3 = t3[o2];
              c(i3, `paths[${o2}]`), 0 !== i3.length && (e3 = `${i3}/${e3}`, n2 = r(i3, 0) === s);
            }
            if (!n2) {
              const t4 = "/";
              e3 = `${t4}/${e3}`, n2 = r(t4, 0) === s;
            }
            return e3 = u(e3, !n2, "/", a), n2 ? `/${e3}` : e3.length > 0 ? e3 : ".";
          } };
        }, 683(t2) {
          const e2 = { __proto__: null }, { defineProperty: n, getOwnPropertyDescriptor: r, ownKeys: o } = Reflect, { apply: i2, bind: l, call: s } = Function.prototype, c = l.bind(s);
          e2.uncurryThis = c;
          const a = l.bind(i2);
          e2.applyBind = a;
          const u = ["ArrayOf", "ArrayPrototypePush", "ArrayPrototypeUnshift", "MathHypot", "MathMax", "MathMin", "StringFromCharCode", "StringFromCodePoint", "StringPrototypeConcat", "TypedArrayOf"];
          function f(t3) {
            return "symbol" == typeof t3 ? `Symbol${t3.description[7].toUpperCase()}${t3.description.slice(8)}` : `${t3[0].toUpperCase()}${t3.slice(1)}`;
          }
          function p(t3, e3, r2, { enumerable: o2, get: i3, set: l2 }) {
            n(t3, `${e3}Get${r2}`, { __proto__: null, value: c(i3), enumerable: o2 }), void 0 !== l2 && n(t3, `${e3}Set${r2}`, { __proto__: null, value: c(l2), enumerable: o2 });
          }
          function y(t3, e3, i3) {
            for (const l2 of o(t3)) {
              const o2 = f(l2), s2 = r(t3, l2);
              if ("get" in s2) p(e3, i3, o2, s2);
              else {
                const r2 = `${i3}${o2}`;
                n(e3, r2, { __proto__: null, ...s2 }), u.includes(r2) && n(e3, `${r2}Apply`, { __proto__: null, value: a(s2.value, t3) });
              }
            }
          }
          function g(t3, e3, i3) {
            for (const l2 of o(t3)) {
              const o2 = f(l2), s2 = r(t3, l2);
              if ("get" in s2) p(e3, i3, o2, s2);
              else {
                const { value: t4 } = s2;
                "function" == typeof t4 && (s2.value = c(t4));
                const r2 = `${i3}${o2}`;
                n(e3, r2, { __proto__: null, ...s2 }), u.includes(r2) && n(e3, `${r2}Apply`, { __proto__: null, value: a(t4) });
              }
            }
          }
          ["Proxy", "globalThis"].forEach((t3) => {
            e2[t3] = globalThis[t3];
          }), [decodeURI, decodeURIComponent, encodeURI, encodeURIComponent].forEach((t3) => {
            e2[t3.name] = t3;
          }), [escape, eval, unescape].forEach((t3) => {
            e2[t3.name] = t3;
          }), ["Atomics", "JSON", "Math", "Proxy", "Reflect"].forEach((t3) => {
            y(globalThis[t3], e2, t3);
          }), ["AggregateError", "Array", "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean", "DataView", "Date", "Error", "EvalError", "FinalizationRegistry", "Float32Array", "Float64Array", "Function", "Int16Array", "Int32Array", "Int8Array", "Map", "Number", "Object", "RangeError", "ReferenceError", "RegExp", "Set", "String", "Symbol", "SyntaxError", "TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet"].forEach((t3) => {
            const n2 = globalThis[t3];
            n2 && (e2[t3] = n2, y(n2, e2, t3), g(n2.prototype, e2, `${t3}Prototype`));
          }), ["Promise"].forEach((t3) => {
            const i3 = globalThis[t3];
            e2[t3] = i3, (function(t4, e3, i4) {
              for (const l2 of o(t4)) {
                const o2 = f(l2), s2 = r(t4, l2);
                if ("get" in s2) p(e3, i4, o2, s2);
                else {
                  const { value: r2 } = s2;
                  "function" == typeof r2 && (s2.value = r2.bind(t4)), n(e3, `${i4}${o2}`, { __proto__: null, ...s2 });
                }
              }
            })(i3, e2, t3), g(i3.prototype, e2, `${t3}Prototype`);
          }), [{ name: "TypedArray", original: Reflect.getPrototypeOf(Uint8Array) }].forEach(({ name: t3, original: n2 }) => {
            e2[t3] = n2, g(n2, e2, t3), g(n2.prototype, e2, `${t3}Prototype`);
          }), [{ name: "ArrayIteratorPrototype", original: Reflect.getPrototypeOf(Array.prototype[Symbol.iterator]()) }, { name: "AsyncFunctionPrototype", original: Reflect.getPrototypeOf(async function() {
          }) }, { name: "AsyncGeneratorFunctionPrototype", original: Reflect.getPrototypeOf(async function* () {
          }) }, { name: "AsyncIteratorPrototype", original: Reflect.getPrototypeOf(Reflect.getPrototypeOf(async function* () {
          }).prototype) }, { name: "GeneratorFunctionPrototype", original: Reflect.getPrototypeOf(function* () {
          }) }, { name: "MapIteratorPrototype", original: Reflect.getPrototypeOf(new e2.Map()[Symbol.iterator]()) }, { name: "RegExpStringIteratorPrototype", original: Reflect.getPrototypeOf(e2.RegExp.prototype[Symbol.matchAll]()) }, { name: "SetIteratorPrototype", original: Reflect.getPrototypeOf(new e2.Set()[Symbol.iterator]()) }, { name: "StringIteratorPrototype", original: Reflect.getPrototypeOf(String.prototype[Symbol.iterator]()) }].forEach(({ name: t3, original: n2 }) => {
            e2[t3] = n2, g(n2, e2, t3);
          });
          const { ArrayPrototypeForEach: h, ArrayPrototypePushApply: d, ArrayPrototypeSlice: m, FinalizationRegistry: b, FunctionPrototypeCall: $, Map: P, ObjectFreeze: S, ObjectSetPrototypeOf: x, RegExp: A, Set: v, SymbolIterator: _, WeakMap: w, WeakRef: O, WeakSet: E } = e2, R = (t3, e3) => {
            class n2 {
              constructor(e4) {
                this._iterator = t3(e4);
              }
              next() {
                return e3(this._iterator);
              }
              [_]() {
                return this;
              }
            }
            return x(n2.prototype, null), S(n2.prototype), S(n2), n2;
          };
          e2.SafeArrayIterator = R(e2.ArrayPrototypeSymbolIterator, e2.ArrayIteratorPrototypeNext), e2.SafeStringIterator = R(e2.StringPrototypeSymbolIterator, e2.StringIteratorPrototypeNext);
          const L = (t3, e3) => {
            h(o(t3), (o2) => {
              r(e3, o2) || n(e3, o2, { __proto__: null, ...r(t3, o2) });
            });
          }, k = (t3, e3, i3) => {
            if (i3) {
              const l2 = new t3();
              h(o(t3.prototype), (o2) => {
                if (!r(e3.prototype, o2)) {
                  const s2 = r(t3.prototype, o2);
                  if ("function" == typeof s2.value && 0 === s2.value.length && $(s2.value, l2)?.next === i3) {
                    const t4 = c(s2.value), e4 = R(t4, i3);
                    s2.value = function() {
                      return new e4(this);
                    };
                  }
                  n(e3.prototype, o2, { __proto__: null, ...s2 });
                }
              });
            } else L(t3.prototype, e3.prototype);
            return L(t3, e3), x(e3.prototype, null), S(e3.prototype), S(e3), e3;
          };
          e2.makeSafe = k, e2.SafeMap = k(P, class extends P {
          }, e2.MapIteratorPrototypeNext), e2.SafeWeakMap = k(w, class extends w {
          }), e2.SafeSet = k(v, class extends v {
          }, e2.SetIteratorPrototypeNext), e2.SafeWeakSet = k(E, class extends E {
          }), e2.SafeFinalizationRegistry = k(b, class extends b {
          }), e2.SafeWeakRef = k(O, class extends O {
          }), e2.internalBinding = (t3) => {
            if ("config" === t3) return { hasIntl: false };
            throw new Error(`unknown module: "${t3}"`);
          }, e2._stringPrototypeReplaceAll = (t3, e3, n2) => "[object regexp]" === Object.prototype.toString.call(e3).toLowerCase() ? t3.replace(e3, n2) : t3.replace(new A(e3, "g"), n2), e2.SafeArrayPrototypePushApply = (t3, e3) => {
            let n2 = 65536;
            if (n2 < e3.length) {
              let r2 = 0;
              do {
                d(t3, m(e3, r2, r2 = n2)), n2 += 65536;
              } while (n2 < e3.length);
              e3 = m(e3, r2);
            }
            return d(t3, e3);
          }, e2.StringPrototypeReplaceAll = e2.StringPrototypeReplaceAll || e2._stringPrototypeReplaceAll, x(e2, null), S(e2), t2.exports = e2;
        }, 179(t2, e2, n) {
          const r = n(683), { Proxy: o, ProxyRevocable: i2, SafeWeakMap: l } = r, s = new l();
          class c {
            constructor(t3, e3) {
              const n2 = new o(t3, e3);
              return s.set(n2, [t3, e3]), n2;
            }
            static getProxyDetails(t3, e3 = true) {
              const n2 = s.get(t3);
              if (n2) return e3 ? n2 : n2[0];
            }
            static revocable(t3, e3) {
              const n2 = i2(t3, e3);
              s.set(n2.proxy, [t3, e3]);
              const r2 = n2.revoke;
              return n2.revoke = () => {
                s.set(n2.proxy, [null, null]), r2();
              }, n2;
            }
          }
          t2.exports = { getProxyDetails: c.getProxyDetails.bind(c), Proxy: c };
        }, 878(t2) {
          t2.exports = URL;
        }, 727(t2, e2, n) {
          const r = n(683), { BigInt: o, Error: i2, NumberParseInt: l, ObjectEntries: s, ObjectGetOwnPropertyDescriptor: c, ObjectGetOwnPropertyDescriptors: a, ObjectGetOwnPropertySymbols: u, ObjectPrototypeToString: f, Symbol: p } = r, y = n(179), g = p("kPending"), h = p("kRejected");
          t2.exports = { constants: { kPending: g, kRejected: h, ALL_PROPERTIES: 0, ONLY_ENUMERABLE: 2 }, getOwnNonIndexProperties: function(t3, e3 = 2) {
            const n2 = a(t3), r2 = [];
            for (const [t4, o2] of s(n2)) if (!/^(0|[1-9][0-9]*)$/.test(t4) || l(t4, 10) >= 2 ** 32 - 1) {
              if (2 === e3 && !o2.enumerable) continue;
              r2.push(t4);
            }
            for (const n3 of u(t3)) {
              const o2 = c(t3, n3);
              (2 !== e3 || o2.enumerable) && r2.push(n3);
            }
            return r2;
          }, getPromiseDetails: () => [g, void 0], getProxyDetails: y.getProxyDetails, Proxy: y.Proxy, previewEntries: (t3) => [[], false], getConstructorName(t3) {
            if (!t3 || "object" != typeof t3) throw new i2("Invalid object");
            if (t3.constructor?.name) return t3.constructor.name;
            const e3 = f(t3).match(/^\[object ([^\]]+)\]/);
            return e3 ? e3[1] : "Object";
          }, getExternalValue: () => o(0) };
        } };
        const e = {};
        return (function n(r) {
          const o = e[r];
          if (void 0 !== o) return o.exports;
          const i2 = e[r] = { exports: {} };
          return t[r](i2, i2.exports, n), i2.exports;
        })(223);
      })());
    }
  });

  // src/runtime/sandbox/context/entry.ts
  var entry_exports = {};
  __export(entry_exports, {
    entry: () => entry
  });

  // src/runtime/sandbox/context/encoding.ts
  var import_buffer = __toESM(require_buffer(), 1);
  var DOMException = class extends Error {
    constructor(message = "", name = "Error") {
      super(message);
      Object.defineProperty(this, "name", { value: name, configurable: true, writable: true });
    }
  };
  function bytesOf(input) {
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.');
  }
  var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  function wellFormed(text) {
    return text.replace(LONE_SURROGATE, "\uFFFD");
  }
  var TextEncoder2 = class {
    encoding = "utf-8";
    encode(input = "") {
      const binary = unescape(encodeURIComponent(wellFormed(String(input))));
      const bytes = new Uint8Array(binary.length);
      for (let i2 = 0; i2 < binary.length; i2++) bytes[i2] = binary.charCodeAt(i2);
      return bytes;
    }
    encodeInto(source, destination) {
      let read = 0;
      let written = 0;
      for (const char of String(source)) {
        const bytes = import_buffer.Buffer.from(char, "utf8");
        if (written + bytes.length > destination.length) break;
        destination.set(bytes, written);
        written += bytes.length;
        read += char.length;
      }
      return { read, written };
    }
  };
  var UTF8_LABELS = /* @__PURE__ */ new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);
  var TextDecoder2 = class {
    encoding = "utf-8";
    fatal;
    ignoreBOM;
    constructor(label = "utf-8", options = {}) {
      if (!UTF8_LABELS.has(String(label).trim().toLowerCase())) {
        throw new RangeError(`The "${String(label)}" encoding is not supported in the Actions Playground (only UTF-8 is).`);
      }
      this.fatal = Boolean(options.fatal);
      this.ignoreBOM = Boolean(options.ignoreBOM);
    }
    decode(input) {
      if (input === void 0) return "";
      const bytes = bytesOf(input);
      const text = import_buffer.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
      if (this.fatal && text.includes("\uFFFD") && !import_buffer.Buffer.from(text, "utf8").equals(import_buffer.Buffer.from(bytes))) {
        throw Object.assign(new TypeError("The encoded data was not valid for encoding utf-8"), { code: "ERR_ENCODING_INVALID_ENCODED_DATA" });
      }
      return !this.ignoreBOM && text.charCodeAt(0) === 65279 ? text.slice(1) : text;
    }
  };
  function btoa2(data2) {
    const text = String(data2);
    if (/[^\0-\xff]/.test(text)) throw new DOMException("Invalid character", "InvalidCharacterError");
    return import_buffer.Buffer.from(text, "latin1").toString("base64");
  }
  function atob2(data2) {
    const text = String(data2).replace(/[\t\n\f\r ]/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw new DOMException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
    return import_buffer.Buffer.from(text, "base64").toString("latin1");
  }

  // src/runtime/sandbox/context/fetchTypes.ts
  var Headers2 = class _Headers {
    #entries = /* @__PURE__ */ new Map();
    constructor(init) {
      if (init === void 0 || init === null) return;
      const pairs = init instanceof _Headers || Symbol.iterator in Object(init) ? [...init].map((pair) => [...pair]) : Object.entries(init);
      for (const pair of pairs) {
        if (pair.length !== 2) throw new TypeError("Headers constructor: expected name/value pair to be length 2");
        this.append(pair[0], pair[1]);
      }
    }
    append(name, value) {
      const key = checkedName(name);
      const text = String(value).trim();
      const existing = this.#entries.get(key);
      this.#entries.set(key, existing === void 0 ? text : `${existing}, ${text}`);
    }
    delete(name) {
      this.#entries.delete(checkedName(name));
    }
    get(name) {
      return this.#entries.get(checkedName(name)) ?? null;
    }
    getSetCookie() {
      return this.#entries.has("set-cookie") ? [this.#entries.get("set-cookie")] : [];
    }
    has(name) {
      return this.#entries.has(checkedName(name));
    }
    set(name, value) {
      this.#entries.set(checkedName(name), String(value).trim());
    }
    forEach(callback, thisArg) {
      for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
    }
    entries() {
      return [...this.#entries].sort(([a], [b]) => a < b ? -1 : 1)[Symbol.iterator]();
    }
    keys() {
      return [...this.entries()].map(([name]) => name)[Symbol.iterator]();
    }
    values() {
      return [...this.entries()].map(([, value]) => value)[Symbol.iterator]();
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    get [Symbol.toStringTag]() {
      return "Headers";
    }
  };
  function checkedName(name) {
    const text = String(name);
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(text)) throw new TypeError(`Headers: "${text}" is an invalid header name.`);
    return text.toLowerCase();
  }
  var Response2 = class _Response {
    status;
    statusText;
    headers;
    type = "default";
    redirected = false;
    url = "";
    #body;
    #used = false;
    constructor(body = null, init = {}) {
      this.status = init.status ?? 200;
      if (!Number.isInteger(this.status) || this.status < 200 || this.status > 599) {
        throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
      }
      this.statusText = init.statusText ?? "";
      this.headers = new Headers2(init.headers);
      this.#body = body === null || body === void 0 ? null : typeof body === "string" ? new TextEncoder2().encode(body) : body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? bytesOf(body).slice() : new TextEncoder2().encode(String(body));
      if (typeof body === "string" && !this.headers.has("content-type")) this.headers.set("content-type", "text/plain;charset=UTF-8");
    }
    static json(data2, init = {}) {
      const response = new _Response(JSON.stringify(data2), init);
      response.headers.set("content-type", "application/json");
      return response;
    }
    get ok() {
      return this.status >= 200 && this.status <= 299;
    }
    get bodyUsed() {
      return this.#used;
    }
    async arrayBuffer() {
      return this.#consume().slice().buffer;
    }
    async bytes() {
      return this.#consume().slice();
    }
    async text() {
      return new TextDecoder2().decode(this.#consume());
    }
    async json() {
      return JSON.parse(await this.text());
    }
    clone() {
      if (this.#used) throw new TypeError("Response.clone: Body has already been consumed.");
      const copy = new _Response(this.#body, { status: this.status, statusText: this.statusText, headers: this.headers });
      Object.defineProperty(copy, "url", { value: this.url });
      return copy;
    }
    get [Symbol.toStringTag]() {
      return "Response";
    }
    #consume() {
      if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
      this.#used = true;
      return this.#body ?? new Uint8Array();
    }
  };

  // src/runtime/sandbox/context/hostCall.ts
  var { parse, stringify } = JSON;
  var pending = /* @__PURE__ */ new Map();
  var nextCall = 1;
  var ERROR_TYPES = { TypeError, RangeError, SyntaxError };
  function toError({ name, message, code }) {
    const known = Object.hasOwn(ERROR_TYPES, name);
    const error = new (known ? ERROR_TYPES[name] : Error)(message);
    if (!known) Object.defineProperty(error, "name", { value: name, configurable: true, writable: true });
    if (code !== void 0) Object.assign(error, { code });
    return error;
  }
  function unwrap(reply) {
    const parsed = parse(reply);
    if ("error" in parsed) throw toError(parsed.error);
    return parsed.ok;
  }
  function callHost(op, payload = null) {
    let reply;
    try {
      reply = hostCall(op, stringify(payload) ?? "null");
    } catch {
      throw new Error(`The sandbox's host failed on "${op}".`);
    }
    if (typeof reply !== "string") throw new Error(`The sandbox's host gave no answer to "${op}".`);
    return unwrap(reply);
  }
  function callHostAsync(op, payload) {
    return new Promise((resolve2, reject) => {
      const id = nextCall++;
      pending.set(id, { resolve: resolve2, reject });
      try {
        callHost(op, { ...payload, id });
      } catch (error) {
        pending.delete(id);
        reject(error);
      }
    });
  }
  function settle(id, reply) {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    try {
      call.resolve(unwrap(reply));
    } catch (error) {
      call.reject(error);
    }
  }

  // src/runtime/sandbox/context/structuredClone.ts
  function cloneValue(value, seen) {
    if (typeof value === "function" || typeof value === "symbol") {
      throw new DOMException(`${String(value)} could not be cloned.`, "DataCloneError");
    }
    if (typeof value !== "object" || value === null) return value;
    if (seen.has(value)) return seen.get(value);
    const remember = (copy2) => {
      seen.set(value, copy2);
      return copy2;
    };
    if (value instanceof Date) return remember(new Date(value.getTime()));
    if (value instanceof RegExp) return remember(new RegExp(value.source, value.flags));
    if (value instanceof ArrayBuffer) return remember(value.slice(0));
    if (ArrayBuffer.isView(value)) {
      const View = value.constructor;
      const length = value instanceof DataView ? value.byteLength : value.length;
      return remember(new View(cloneValue(value.buffer, seen), value.byteOffset, length));
    }
    if (value instanceof Map) {
      const copy2 = remember(/* @__PURE__ */ new Map());
      for (const [key, item] of value) copy2.set(cloneValue(key, seen), cloneValue(item, seen));
      return copy2;
    }
    if (value instanceof Set) {
      const copy2 = remember(/* @__PURE__ */ new Set());
      for (const item of value) copy2.add(cloneValue(item, seen));
      return copy2;
    }
    if (value instanceof Error) {
      const copy2 = remember(new value.constructor(value.message));
      if (value.stack !== void 0) copy2.stack = value.stack;
      return copy2;
    }
    const copy = remember(Array.isArray(value) ? new Array(value.length) : {});
    for (const key of Object.keys(value)) copy[key] = cloneValue(value[key], seen);
    return copy;
  }
  function structuredClone2(value) {
    return cloneValue(value, /* @__PURE__ */ new Map());
  }

  // src/runtime/sandbox/context/uncaught.ts
  function describe(value) {
    try {
      return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
    } catch {
      return "a value that cannot be printed";
    }
  }
  function reportUncaught(error) {
    callHost("crash", describe(error));
  }

  // src/runtime/sandbox/context/timers.ts
  var TIMEOUT_MAX = 2 ** 31 - 1;
  var scheduled = /* @__PURE__ */ new Map();
  var nextId = 1;
  var Timeout = class {
    constructor(id, ms) {
      this.id = id;
      this.ms = ms;
    }
    id;
    ms;
    #ref = true;
    ref() {
      this.#ref = true;
      return this;
    }
    unref() {
      this.#ref = false;
      return this;
    }
    hasRef() {
      return this.#ref;
    }
    refresh() {
      const timer = scheduled.get(this.id);
      if (timer) callHost("timer.set", { id: this.id, ms: this.ms, repeat: timer.repeat });
      return this;
    }
    [Symbol.toPrimitive]() {
      return this.id;
    }
  };
  function delayMs(delay) {
    const requested = Number(delay);
    return requested >= 1 && requested <= TIMEOUT_MAX ? Math.trunc(requested) : 1;
  }
  function schedule(callback, ms, args, repeat) {
    if (typeof callback !== "function") {
      throw Object.assign(new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`), { code: "ERR_INVALID_ARG_TYPE" });
    }
    const id = nextId++;
    const handle = new Timeout(id, ms);
    scheduled.set(id, { callback, args, repeat, handle });
    callHost("timer.set", { id, ms, repeat });
    return handle;
  }
  function clear(handle) {
    const id = handle instanceof Timeout ? handle.id : Number(handle);
    if (!scheduled.delete(id)) return;
    callHost("timer.clear", id);
  }
  function fireTimer(id) {
    const timer = scheduled.get(id);
    if (!timer) return;
    if (!timer.repeat) scheduled.delete(id);
    try {
      timer.callback.apply(timer.handle, timer.args);
    } catch (error) {
      reportUncaught(error);
    }
  }
  var timerGlobals = {
    setTimeout: (callback, delay, ...args) => schedule(callback, delayMs(delay), args, false),
    setInterval: (callback, delay, ...args) => schedule(callback, delayMs(delay), args, true),
    setImmediate: (callback, ...args) => schedule(callback, 0, args, false),
    clearTimeout: clear,
    clearInterval: clear,
    clearImmediate: clear
  };

  // src/runtime/sandbox/context/url.ts
  var import_buffer2 = __toESM(require_buffer(), 1);
  function encodeComponent(text) {
    return encodeURIComponent(wellFormed(text)).replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, "+");
  }
  function decodeComponent(text) {
    const bytes = [];
    const input = import_buffer2.Buffer.from(text.replace(/\+/g, " "), "utf8");
    for (let i2 = 0; i2 < input.length; i2++) {
      const hex = input[i2] === 37 ? String.fromCharCode(input[i2 + 1], input[i2 + 2]) : "";
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i2 += 2;
      } else {
        bytes.push(input[i2]);
      }
    }
    return import_buffer2.Buffer.from(bytes).toString("utf8");
  }
  function parseQuery(query) {
    const pairs = [];
    for (const part of query.replace(/^\?/, "").split("&")) {
      if (!part) continue;
      const at2 = part.indexOf("=");
      pairs.push(at2 < 0 ? [decodeComponent(part), ""] : [decodeComponent(part.slice(0, at2)), decodeComponent(part.slice(at2 + 1))]);
    }
    return pairs;
  }
  var linkParams;
  var reparse;
  var URLSearchParams2 = class _URLSearchParams {
    #pairs;
    #url = null;
    static {
      linkParams = (url, search) => {
        const params = new _URLSearchParams(search);
        params.#url = url;
        return params;
      };
      reparse = (params, search) => {
        params.#pairs = parseQuery(search);
      };
    }
    constructor(init = "") {
      if (typeof init === "object" && init !== null) {
        const entries = Symbol.iterator in init ? [...init] : Object.entries(init);
        this.#pairs = entries.map((entry2) => {
          const pair = [...entry2];
          if (pair.length !== 2) throw new TypeError("Each query pair must be an iterable [name, value] tuple");
          return [String(pair[0]), String(pair[1])];
        });
      } else {
        this.#pairs = parseQuery(String(init));
      }
    }
    get size() {
      return this.#pairs.length;
    }
    append(name, value) {
      this.#pairs.push([String(name), String(value)]);
      this.#changed();
    }
    delete(name, value) {
      this.#pairs = this.#pairs.filter(([key, item]) => key !== String(name) || value !== void 0 && item !== String(value));
      this.#changed();
    }
    get(name) {
      return this.#pairs.find(([key]) => key === String(name))?.[1] ?? null;
    }
    getAll(name) {
      return this.#pairs.filter(([key]) => key === String(name)).map(([, value]) => value);
    }
    has(name, value) {
      return this.#pairs.some(([key, item]) => key === String(name) && (value === void 0 || item === String(value)));
    }
    set(name, value) {
      const key = String(name);
      const at2 = this.#pairs.findIndex(([item]) => item === key);
      if (at2 < 0) this.#pairs.push([key, String(value)]);
      else this.#pairs = [...this.#pairs.slice(0, at2), [key, String(value)], ...this.#pairs.slice(at2 + 1).filter(([item]) => item !== key)];
      this.#changed();
    }
    sort() {
      this.#pairs.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
      this.#changed();
    }
    forEach(callback, thisArg) {
      for (const [name, value] of this.#pairs) callback.call(thisArg, value, name, this);
    }
    keys() {
      return this.#pairs.map(([name]) => name)[Symbol.iterator]();
    }
    values() {
      return this.#pairs.map(([, value]) => value)[Symbol.iterator]();
    }
    entries() {
      return this.#pairs.map(([name, value]) => [name, value])[Symbol.iterator]();
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    toString() {
      return this.#pairs.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join("&");
    }
    get [Symbol.toStringTag]() {
      return "URLSearchParams";
    }
    #changed() {
      if (this.#url) this.#url.search = this.toString();
    }
  };
  function parseUrl(url, base) {
    return callHost("url.parse", [String(url), base === void 0 ? null : String(base)]);
  }
  var URL2 = class {
    #parts;
    #params = null;
    constructor(url, base) {
      this.#parts = parseUrl(url, base);
    }
    static canParse(url, base) {
      try {
        parseUrl(url, base);
        return true;
      } catch {
        return false;
      }
    }
    get origin() {
      return this.#parts.origin;
    }
    get href() {
      return this.#parts.href;
    }
    set href(value) {
      this.#update(parseUrl(value));
    }
    get protocol() {
      return this.#parts.protocol;
    }
    set protocol(value) {
      this.#set("protocol", value);
    }
    get username() {
      return this.#parts.username;
    }
    set username(value) {
      this.#set("username", value);
    }
    get password() {
      return this.#parts.password;
    }
    set password(value) {
      this.#set("password", value);
    }
    get host() {
      return this.#parts.host;
    }
    set host(value) {
      this.#set("host", value);
    }
    get hostname() {
      return this.#parts.hostname;
    }
    set hostname(value) {
      this.#set("hostname", value);
    }
    get port() {
      return this.#parts.port;
    }
    set port(value) {
      this.#set("port", value);
    }
    get pathname() {
      return this.#parts.pathname;
    }
    set pathname(value) {
      this.#set("pathname", value);
    }
    get search() {
      return this.#parts.search;
    }
    set search(value) {
      this.#set("search", value);
    }
    get hash() {
      return this.#parts.hash;
    }
    set hash(value) {
      this.#set("hash", value);
    }
    get searchParams() {
      return this.#params ??= linkParams(this, this.#parts.search);
    }
    toString() {
      return this.#parts.href;
    }
    toJSON() {
      return this.#parts.href;
    }
    get [Symbol.toStringTag]() {
      return "URL";
    }
    #set(name, value) {
      this.#update(callHost("url.set", [this.#parts.href, name, String(value)]));
    }
    #update(parts) {
      this.#parts = parts;
      if (this.#params) reparse(this.#params, parts.search);
    }
  };

  // src/runtime/sandbox/protocol.ts
  var SUBTLE_METHODS = [
    "encrypt",
    "decrypt",
    "sign",
    "verify",
    "digest",
    "generateKey",
    "deriveKey",
    "deriveBits",
    "importKey",
    "exportKey",
    "wrapKey",
    "unwrapKey"
  ];

  // src/runtime/sandbox/taggedValues.ts
  function taggedValues(keys2) {
    const encode4 = (value) => {
      if (keys2.isKey(value)) return keys2.encodeKey(value);
      if (value instanceof ArrayBuffer) return { $bytes: Array.from(new Uint8Array(value)) };
      if (ArrayBuffer.isView(value)) return { $uint8: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
      if (Array.isArray(value)) return value.map(encode4);
      if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, encode4(item)]));
      return value;
    };
    const decode5 = (value) => {
      if (Array.isArray(value)) return value.map(decode5);
      if (typeof value !== "object" || value === null) return value;
      const tagged = value;
      if (Array.isArray(tagged.$bytes)) return new Uint8Array(tagged.$bytes).buffer;
      if (Array.isArray(tagged.$uint8)) return new Uint8Array(tagged.$uint8);
      if (typeof tagged.$key === "number") return keys2.decodeKey(tagged);
      return Object.fromEntries(Object.entries(tagged).map(([name, item]) => [name, decode5(item)]));
    };
    return { encode: encode4, decode: decode5 };
  }

  // src/runtime/sandbox/context/webCrypto.ts
  var MAX_RANDOM_BYTES = 65536;
  var keyIds = /* @__PURE__ */ new WeakMap();
  var CryptoKey = class {
    constructor() {
      throw new TypeError("Illegal constructor");
    }
    get [Symbol.toStringTag]() {
      return "CryptoKey";
    }
  };
  function toKey({ $key, type, extractable, algorithm, usages }) {
    const key = Object.create(CryptoKey.prototype);
    Object.defineProperties(key, {
      type: { value: type, enumerable: true },
      extractable: { value: extractable, enumerable: true },
      algorithm: { value: decode(algorithm), enumerable: true },
      usages: { value: usages, enumerable: true }
    });
    keyIds.set(key, $key);
    return key;
  }
  var { encode, decode } = taggedValues({
    isKey: (value) => value instanceof CryptoKey,
    encodeKey: (key) => {
      const id = keyIds.get(key);
      if (id === void 0) throw new TypeError("The key is not a CryptoKey of this sandbox.");
      return { $key: id };
    },
    decodeKey: (tagged) => toKey(tagged)
  });
  var subtle = Object.fromEntries(SUBTLE_METHODS.map((method) => [
    method,
    async (...args) => decode(await callHostAsync("subtle", { method, args: encode(args) }))
  ]));
  function getRandomValues(array) {
    const integers = array instanceof Int8Array || array instanceof Uint8Array || array instanceof Uint8ClampedArray || array instanceof Int16Array || array instanceof Uint16Array || array instanceof Int32Array || array instanceof Uint32Array || array instanceof BigInt64Array || array instanceof BigUint64Array;
    if (!integers) throw new DOMException("The data argument must be an integer-type TypedArray", "TypeMismatchError");
    if (array.byteLength > MAX_RANDOM_BYTES) {
      throw new DOMException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (${MAX_RANDOM_BYTES})`, "QuotaExceededError");
    }
    bytesOf(array).set(callHost("randomBytes", array.byteLength));
    return array;
  }
  var crypto2 = {
    getRandomValues,
    randomUUID: () => callHost("randomUUID"),
    subtle
  };

  // src/runtime/sandbox/context/globals.ts
  function queueMicrotask2(callback) {
    if (typeof callback !== "function") throw new TypeError('The "callback" argument must be of type function.');
    void Promise.resolve().then(() => {
      try {
        callback();
      } catch (error) {
        reportUncaught(error);
      }
    });
  }
  var performance2 = { now: () => callHost("now"), timeOrigin: Date.now() };
  function keepStackFormattingInside() {
    const errorText2 = Error.prototype.toString;
    const format4 = (error, sites) => sites.length ? `${errorText2.call(error)}
    at ${sites.join("\n    at ")}` : errorText2.call(error);
    let formatter = format4;
    Object.defineProperty(Error, "prepareStackTrace", {
      get: () => typeof formatter === "function" ? formatter : format4,
      set: (value) => {
        formatter = value;
      },
      enumerable: false,
      configurable: false
    });
  }
  keepStackFormattingInside();
  var globals = {
    ...timerGlobals,
    queueMicrotask: queueMicrotask2,
    structuredClone: structuredClone2,
    performance: performance2,
    TextEncoder: TextEncoder2,
    TextDecoder: TextDecoder2,
    atob: atob2,
    btoa: btoa2,
    DOMException,
    URL: URL2,
    URLSearchParams: URLSearchParams2,
    Headers: Headers2,
    Response: Response2,
    crypto: crypto2,
    CryptoKey
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }

  // src/runtime/hardenGlobals.ts
  var BLOCKED_GLOBALS = [
    "XMLHttpRequest",
    "WebSocket",
    "WebSocketStream",
    "EventSource",
    "WebTransport",
    "RTCPeerConnection",
    "webkitRTCPeerConnection",
    "importScripts",
    "FontFace",
    "fonts",
    "indexedDB",
    "caches",
    "Worker",
    "SharedWorker",
    "BroadcastChannel"
  ];
  var BLOCKED_NAVIGATOR = ["storage", "serviceWorker"];
  function unavailable(name) {
    return new ReferenceError(
      `${name} is not available in the Actions Playground: actions reach the network only through fetch or axios, answered from the flow's HTTP mocks.`
    );
  }
  function removeAlongChain(target, name) {
    let found = false;
    for (let holder = target; holder; holder = Object.getPrototypeOf(holder)) {
      if (!Object.hasOwn(holder, name)) continue;
      found = true;
      if (!Reflect.deleteProperty(holder, name)) throw new Error(`Cannot remove ${name} from the engine worker's global scope.`);
    }
    return found;
  }
  function block(target, name, label) {
    if (!removeAlongChain(target, name)) return;
    Object.defineProperty(target, name, { get: () => {
      throw unavailable(label);
    }, enumerable: false, configurable: false });
  }
  function hardenGlobals() {
    for (const name of BLOCKED_GLOBALS) block(globalThis, name, name);
    if (typeof navigator === "object" && navigator !== null) {
      for (const name of BLOCKED_NAVIGATOR) block(navigator, name, `navigator.${name}`);
    }
    let bound = null;
    const fetch = (input, init) => bound ? bound(input, init) : Promise.reject(new TypeError("fetch is not available outside a running action in the Actions Playground: it answers from the flow's HTTP mocks."));
    removeAlongChain(globalThis, "fetch");
    Object.defineProperty(globalThis, "fetch", { value: fetch, writable: false, enumerable: true, configurable: false });
    return (next) => {
      bound = next;
    };
  }

  // src/engine/modules/nodeBuffer.ts
  var bufferPackage = __toESM(require_buffer(), 1);

  // node_modules/node-inspect-extracted/index.mjs
  var import_inspect = __toESM(require_inspect(), 1);
  var {
    // The commented out things are not visible from normal node's util.
    // identicalSequenceRange,
    inspect,
    // inspectDefaultOptions,
    format,
    formatWithOptions,
    // getStringWidth,
    stripVTControlCharacters,
    // isZeroWidthCodePoint,
    stylizeWithColor,
    stylizeWithHTML,
    Proxy: Proxy2
  } = import_inspect.default;

  // src/engine/nodeInspect.ts
  var inspect2 = inspect;
  function errorText(error) {
    const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at .*action-\d+-[\w-]+\.js:\d+/.test(line));
    const header = `${error.name}: ${error.message}`;
    const copy = Object.assign(Object.create(Object.getPrototypeOf(error)), error);
    Object.defineProperty(copy, "stack", { value: [header, ...frames].join("\n"), configurable: true, writable: true });
    const text = inspect(copy);
    return text.startsWith(`[${header}]`) ? header + text.slice(header.length + 2) : text;
  }
  function format2(...args) {
    return format(...args);
  }
  function formatLog(...args) {
    const placeholders = typeof args[0] === "string" && args[0].includes("%");
    const shown = placeholders ? args : args.map((arg) => arg instanceof Error ? errorText(arg) : arg);
    return formatWithOptions({}, ...shown);
  }

  // src/engine/modules/nodeErrors.ts
  function nodeError(Type, code, message) {
    return Object.assign(new Type(message), { code });
  }
  function received(value) {
    if (value === null || value === void 0) return `Received ${value}`;
    if (typeof value === "function") return `Received function ${value.name}`;
    if (typeof value === "object") return `Received an instance of ${value.constructor?.name ?? "Object"}`;
    return `Received type ${typeof value} (${inspect2(value)})`;
  }

  // src/engine/modules/nodeBuffer.ts
  var PackageBuffer = bufferPackage.Buffer;
  var Buffer5 = PackageBuffer;
  var kMaxLength2 = bufferPackage.kMaxLength;
  var ALIASES = {
    utf8: "utf8",
    "utf-8": "utf8",
    utf16le: "utf16le",
    "utf-16le": "utf16le",
    ucs2: "utf16le",
    "ucs-2": "utf16le",
    latin1: "latin1",
    binary: "latin1",
    base64: "base64",
    base64url: "base64url",
    hex: "hex",
    ascii: "ascii"
  };
  function encodingOf(encoding) {
    if (encoding === void 0 || encoding === null || encoding === "") return "utf8";
    const found = typeof encoding === "string" ? ALIASES[encoding.toLowerCase()] : void 0;
    if (!found) throw nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${String(encoding)}`);
    return found;
  }
  function quoted(text) {
    const named = { "\b": "\\b", "	": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "'": "\\'", "\\": "\\\\" };
    return `'${text.replace(/[\x00-\x1f\x7f'\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) => named[char] ?? (char.length === 1 && char.charCodeAt(0) < 256 ? `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : `\\u${char.charCodeAt(0).toString(16)}`))}'`;
  }
  var PATCHED = /* @__PURE__ */ Symbol.for("actions-playground.buffer-patched");
  function decode2(original, text, encoding) {
    switch (encoding) {
      case "base64url":
        return original.from(text, "base64");
      case "hex": {
        const bytes = new Uint8Array(text.length >>> 1);
        for (let i2 = 0; i2 < bytes.length; i2++) {
          const pair = text.slice(i2 * 2, i2 * 2 + 2);
          if (!/^[0-9a-f]{2}$/i.test(pair)) return bytes.subarray(0, i2);
          bytes[i2] = Number.parseInt(pair, 16);
        }
        return bytes;
      }
      case "utf16le": {
        const bytes = new Uint8Array(text.length * 2);
        for (let i2 = 0; i2 < text.length; i2++) {
          const unit = text.charCodeAt(i2);
          bytes[i2 * 2] = unit & 255;
          bytes[i2 * 2 + 1] = unit >>> 8;
        }
        return bytes;
      }
      default:
        return original.from(text, encoding);
    }
  }
  function urlSafe(base64) {
    return base64.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  }
  function patch(Class) {
    if (Class[PATCHED]) return;
    Object.defineProperty(Class, PATCHED, { value: true });
    const proto = Class.prototype;
    const original = {
      from: Class.from.bind(Class),
      byteLength: Class.byteLength.bind(Class),
      isEncoding: Class.isEncoding.bind(Class),
      alloc: Class.alloc.bind(Class),
      toString: proto.toString,
      write: proto.write,
      fill: proto.fill,
      indexOf: proto.indexOf,
      lastIndexOf: proto.lastIndexOf
    };
    Class.isEncoding = (encoding) => typeof encoding === "string" && encoding !== "" && Object.hasOwn(ALIASES, encoding.toLowerCase());
    Class.from = function from(value, encodingOrOffset, length) {
      if (typeof value !== "string") return original.from(value, encodingOrOffset, length);
      const name = encodingOf(encodingOrOffset);
      if (name !== "hex" && name !== "base64url" && name !== "utf16le") return original.from(value, name);
      return original.from(decode2(original, value, name));
    };
    Class.byteLength = function byteLength2(value, encoding) {
      if (typeof value !== "string") return original.byteLength(value, encoding);
      let name;
      try {
        name = encodingOf(encoding);
      } catch {
        name = "utf8";
      }
      if (name === "base64" || name === "base64url") {
        let end = value.length;
        if (value.charCodeAt(end - 1) === 61) end--;
        if (end > 1 && value.charCodeAt(end - 1) === 61) end--;
        return end * 3 >>> 2;
      }
      if (name === "hex") return value.length >>> 1;
      return original.byteLength(value, name);
    };
    Class.alloc = function alloc(size, fill, encoding) {
      const buffer = original.alloc(size);
      if (fill !== void 0 && fill !== 0 && buffer.length > 0) buffer.fill(fill, encoding);
      return buffer;
    };
    proto.toString = function toString2(encoding, start, end) {
      if (arguments.length === 0) return original.toString.call(this);
      const name = encodingOf(encoding);
      if (name === "base64url") return urlSafe(original.toString.call(this, "base64", start, end));
      return original.toString.call(this, name, start, end);
    };
    proto.write = function write(text, offset2, length, encoding) {
      if (typeof text !== "string") return original.write.call(this, text, offset2, length, encoding);
      if (typeof offset2 === "string") [offset2, length, encoding] = [0, void 0, offset2];
      else if (typeof length === "string") [length, encoding] = [void 0, length];
      const name = encodingOf(encoding);
      const start = offset2 === void 0 ? 0 : Number(offset2);
      if (start < 0 || start > this.length) {
        throw nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", 'The value of "offset" is out of range.');
      }
      const room = Math.min(this.length - start, length === void 0 ? Infinity : Number(length));
      if (name !== "hex" && name !== "base64url" && name !== "utf16le") return original.write.call(this, text, start, room, name);
      const bytes = decode2(original, text, name);
      const count = Math.min(bytes.length, name === "utf16le" ? room - room % 2 : room);
      this.set(bytes.subarray(0, count), start);
      return count;
    };
    proto.fill = function fill(value, offset2, end, encoding) {
      if (typeof value !== "string") return original.fill.call(this, value, offset2, end, encoding);
      if (typeof offset2 === "string") [offset2, end, encoding] = [0, this.length, offset2];
      else if (typeof end === "string") [end, encoding] = [this.length, end];
      const name = encodingOf(encoding);
      if (value.length === 0) return original.fill.call(this, 0, offset2, end);
      const bytes = decode2(original, value, name);
      if (bytes.length === 0) throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'value' is invalid. Received ${quoted(value)}`);
      return original.fill.call(this, bytes, offset2, end);
    };
    function search(direction) {
      const find = direction === "first" ? original.indexOf : original.lastIndexOf;
      return function(value, byteOffset, encoding) {
        if (typeof value !== "string") return find.call(this, value, byteOffset, encoding);
        if (typeof byteOffset === "string") [byteOffset, encoding] = [void 0, byteOffset];
        const needle = decode2(original, value, encodingOf(encoding));
        if (needle.length > 0) return find.call(this, original.from(needle), byteOffset);
        let at2 = byteOffset === void 0 ? NaN : Number(byteOffset);
        if (Number.isNaN(at2)) at2 = direction === "first" ? 0 : this.length;
        else if (at2 < 0) at2 = Math.max(this.length + at2, 0);
        return Math.min(Math.trunc(at2), this.length);
      };
    }
    const custom = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");
    proto[custom] = function inspect3() {
      const shown = original.toString.call(this, "hex", 0, Math.min(50, this.length)).replace(/(.{2})/g, "$1 ").trim();
      const remaining = this.length - 50;
      return `<${this.constructor.name} ${shown}${remaining > 0 ? ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}` : ""}>`;
    };
    proto.indexOf = search("first");
    proto.lastIndexOf = search("last");
    proto.includes = function includes(value, byteOffset, encoding) {
      return this.indexOf(value, byteOffset, encoding) !== -1;
    };
  }
  patch(PackageBuffer);
  Object.defineProperty(PackageBuffer, "name", { value: "Buffer" });

  // src/engine/serialize.ts
  var MAX_DEPTH = 8;
  var MAX_ITEMS = 200;
  var MAX_STRING = 1e4;
  function truncate(text) {
    return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}\u2026 [${text.length - MAX_STRING} more characters]` : text;
  }
  function toJson(value, depth = 0, seen = /* @__PURE__ */ new Set()) {
    switch (typeof value) {
      case "string":
        return truncate(value);
      case "number":
        return Number.isFinite(value) ? value : String(value);
      case "boolean":
        return value;
      case "undefined":
        return null;
      case "bigint":
        return `${value}n`;
      case "symbol":
        return value.toString();
      case "function":
        return `[Function ${value.name || "anonymous"}]`;
    }
    if (value === null) return null;
    const object = value;
    if (seen.has(object)) return "[Circular]";
    if (depth >= MAX_DEPTH) return Array.isArray(object) ? "[Array]" : "[Object]";
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
    if (object instanceof Error) return { name: object.name, message: object.message };
    if (object instanceof RegExp) return object.toString();
    seen.add(object);
    try {
      if (Array.isArray(object)) return object.slice(0, MAX_ITEMS).map((item) => toJson(item, depth + 1, seen));
      if (object instanceof Map) return { "[Map]": toJson(Object.fromEntries(object), depth + 1, seen) };
      if (object instanceof Set) return { "[Set]": toJson([...object], depth + 1, seen) };
      if (ArrayBuffer.isView(object)) return `[${object.constructor.name} ${object.byteLength} bytes]`;
      const out = {};
      let count = 0;
      for (const key of Object.keys(object)) {
        if (count++ >= MAX_ITEMS) {
          out["\u2026"] = `${Object.keys(object).length - MAX_ITEMS} more keys`;
          break;
        }
        const item = object[key];
        if (item !== void 0) setOwn(out, key, toJson(item, depth + 1, seen));
      }
      return out;
    } finally {
      seen.delete(object);
    }
  }
  function jsonCopy(value) {
    if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    const text = JSON.stringify(value);
    return text === void 0 ? null : JSON.parse(text);
  }
  function setOwn(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  }
  function utf8Length(text) {
    let length = 0;
    for (let i2 = 0; i2 < text.length; i2++) {
      const code = text.charCodeAt(i2);
      if (code < 128) length += 1;
      else if (code < 2048) length += 2;
      else if (code >= 55296 && code <= 56319 && i2 + 1 < text.length) {
        length += 4;
        i2++;
      } else length += 3;
    }
    return length;
  }
  function cloneJson(value) {
    return value === void 0 ? value : JSON.parse(JSON.stringify(value));
  }

  // src/engine/api/context.ts
  var CHAIN = /* @__PURE__ */ Symbol("chain");
  function requireString(value, what) {
    if (typeof value !== "string") throw new TypeError(`${what} must be a string.`);
    return value;
  }
  var RESERVED_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
  function refuseReservedKey(key, what) {
    if (RESERVED_KEYS.has(key)) throw new Error(`The "${key}" ${what} cannot be set.`);
    return key;
  }
  function requireTimestamp(value, what) {
    if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${what} must be a number of milliseconds since the Unix epoch.`);
    return value;
  }

  // src/engine/api/authenticationApi.ts
  var CHALLENGE_FACTORS = ["otp", "recovery-code", "email", "push-notification", "phone", "webauthn-platform", "webauthn-roaming"];
  var ENROLL_FACTORS = CHALLENGE_FACTORS;
  var MFA_PROVIDERS = ["any", "duo", "google-authenticator", "guardian", "none"];
  var MAX_PRIMARY_USER_ID = 128;
  var MAX_MFA_COMMANDS = 4;
  function toFactor(value, allowed) {
    const type = typeof value === "object" && value !== null ? value.type : void 0;
    const normalized = type === "push" ? "push-notification" : type;
    if (typeof normalized !== "string" || !allowed.includes(normalized)) {
      throw new TypeError(`Unsupported MFA factor ${JSON.stringify(type ?? value)}. Supported factor types: ${allowed.join(", ")}.`);
    }
    const options = value.options;
    return options === void 0 ? { type: normalized } : { type: normalized, options: jsonCopy(options) };
  }
  function toFactors(value, allowed) {
    if (!Array.isArray(value) || value.length === 0) throw new TypeError('Expected a non-empty array of factors, e.g. [{ type: "otp" }].');
    return value.map((factor) => toFactor(factor, allowed));
  }
  function authenticationApi(ctx) {
    const suspend = (challengeKind, method, requested) => {
      ctx.tx.mfaCommands = (ctx.tx.mfaCommands ?? 0) + 1;
      if (ctx.tx.mfaCommands > MAX_MFA_COMMANDS) {
        const message = `api.authentication.${method}: at most ${MAX_MFA_COMMANDS} challengeWith/challengeWithAny/enrollWith/enrollWithAny commands are allowed per login flow.`;
        ctx.tx.failure ??= message;
        throw new Error(message);
      }
      ctx.local.suspension = { kind: "challenge", challengeKind, method, requested };
    };
    const additional = (options, allowed) => {
      const extra = options?.additionalFactors;
      return extra === void 0 ? [] : toFactors(extra, allowed);
    };
    return {
      recordMethod(providerUrl) {
        const url = new URL(requireString(providerUrl, "The provider URL"));
        if (url.protocol !== "https:" && url.protocol !== "http:") throw new TypeError("The provider URL must be an http or https URL.");
        if (ctx.phase !== "continue") {
          ctx.tx.warnings.push(`${ctx.action.name}: api.authentication.recordMethod is only available in onContinuePostLogin; the method was not recorded.`);
        } else if (!ctx.tx.recordedMethods.includes(url.href)) {
          ctx.tx.recordedMethods.push(url.href);
        }
        return CHAIN;
      },
      challengeWith(factor, options) {
        suspend("challenge", "challengeWith", [toFactor(factor, CHALLENGE_FACTORS), ...additional(options, CHALLENGE_FACTORS)]);
      },
      challengeWithAny(factors) {
        suspend("challenge", "challengeWithAny", toFactors(factors, CHALLENGE_FACTORS));
      },
      enrollWith(factor, options) {
        suspend("enroll", "enrollWith", [toFactor(factor, ENROLL_FACTORS), ...additional(options, ENROLL_FACTORS)]);
      },
      enrollWithAny(factors) {
        suspend("enroll", "enrollWithAny", toFactors(factors, ENROLL_FACTORS));
      },
      setPrimaryUser(primaryUserId) {
        if (ctx.tx.primaryUser !== null) throw new Error("The primary user can only be altered once per transaction");
        if (typeof primaryUserId !== "string" || !primaryUserId) throw new Error("The provided primary_user_id must be a non-empty string");
        if (primaryUserId.length > MAX_PRIMARY_USER_ID) throw new Error("The provided primary_user_id exceeds the maximum length.");
        ctx.tx.primaryUser = primaryUserId;
      }
    };
  }
  function multifactorApi(ctx) {
    return {
      enable(provider, options = {}) {
        if (typeof provider !== "string" || !MFA_PROVIDERS.includes(provider)) {
          throw new TypeError(`Unsupported MFA provider ${JSON.stringify(provider)}. Supported providers: ${MFA_PROVIDERS.join(", ")}.`);
        }
        const providerOptions = options?.providerOptions;
        if (providerOptions && provider !== "duo") throw new TypeError("options.providerOptions is only available for the duo provider.");
        if (provider === "duo" && !(providerOptions?.host && providerOptions.ikey && providerOptions.skey)) {
          throw new TypeError("The duo provider needs options.providerOptions with host, ikey and skey.");
        }
        ctx.tx.mfa = { provider, options: jsonCopy(options ?? {}), action: ctx.action.name };
        return CHAIN;
      }
    };
  }

  // src/engine/api/otherApis.ts
  var MAX_RENDER_OPTIONS_BYTES = 24 * 1024;
  var TX_METADATA = { keyLength: 64, valueBytes: 8 * 1024, totalBytes: 16 * 1024 };
  function accessApi(ctx) {
    return {
      /** Does not throw: the action finishes, then no further actions run (post-login API object). */
      deny(reason) {
        ctx.tx.denial ??= { code: "access_denied", description: reason === void 0 ? "" : String(reason), action: ctx.action.name };
        return CHAIN;
      }
    };
  }
  function validationApi(ctx) {
    return {
      error(errorCode, errorMessage) {
        const code = requireString(errorCode, "The error code");
        const description = requireString(errorMessage, "The error message");
        ctx.tx.denial ??= { code, description, action: ctx.action.name };
        return CHAIN;
      }
    };
  }
  function cacheApi(ctx) {
    return {
      get: (key) => ctx.cache.get(requireString(key, "The cache key")),
      set: (key, value, options) => ctx.cache.set(requireString(key, "The cache key"), value, options ?? {}),
      delete: (key) => ctx.cache.delete(requireString(key, "The cache key"))
    };
  }
  function rulesApi() {
    return { wasExecuted: (ruleId) => (requireString(ruleId, "The rule id"), false) };
  }
  function promptApi(ctx) {
    return {
      render(promptId, options = {}) {
        const id = requireString(promptId, "The prompt id");
        if (ctx.local.suspension?.kind === "redirect") throw new Error("Redirect and render commands cannot be used in the same action.");
        if (ctx.local.rendered) throw new Error("Only 1 render command per action is allowed.");
        const fields = jsonCopy(options?.fields ?? {});
        const vars = jsonCopy(options?.vars ?? {});
        if (utf8Length(JSON.stringify({ fields, vars })) > MAX_RENDER_OPTIONS_BYTES) throw new Error("The render options exceed the maximum size of 24 KiB.");
        ctx.local.rendered = true;
        ctx.local.suspension = { kind: "prompt", id, fields, vars };
      }
    };
  }
  function transactionApi(ctx) {
    const notImplemented2 = () => {
      throw new Error("Method not implemented.");
    };
    return {
      setMetadata(key, value) {
        const name = refuseReservedKey(requireString(key, "The transaction metadata key"), "transaction metadata key");
        if (!name || name.length > TX_METADATA.keyLength) throw new Error(`Transaction metadata keys must be 1 to ${TX_METADATA.keyLength} characters.`);
        const metadata = ctx.tx.transactionMetadata;
        if (value === null) delete metadata[name];
        else {
          if (!["string", "number", "boolean"].includes(typeof value)) throw new TypeError("Transaction metadata values must be a string, number or boolean.");
          if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) throw new RangeError("Transaction metadata numbers must be safe integers.");
          if (typeof value === "string" && utf8Length(value) > TX_METADATA.valueBytes) throw new Error("Transaction metadata values are limited to 8 KB.");
          const next = { ...metadata, [name]: value };
          if (utf8Length(JSON.stringify(next)) > TX_METADATA.totalBytes) throw new Error("Transaction metadata is limited to 16 KB in all.");
          metadata[name] = value;
        }
        if (ctx.event.transaction) ctx.event.transaction.metadata = { ...metadata };
      },
      addTargetScope: notImplemented2,
      removeTargetScope: notImplemented2,
      setTargetScopes: notImplemented2,
      clearTargetScopes: notImplemented2
    };
  }

  // node_modules/jose/dist/webapi/lib/buffer_utils.js
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  var strictDecoder = new TextDecoder("utf-8", { fatal: true });
  var UINT32_RANGE = 2 ** 32;
  function encodeBase64(input, url = false) {
    if (Uint8Array.prototype.toBase64)
      return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
    const CHUNK_SIZE = 32768, arr = [];
    for (let i2 = 0; i2 < input.length; i2 += CHUNK_SIZE)
      arr.push(String.fromCharCode.apply(null, input.subarray(i2, i2 + CHUNK_SIZE)));
    const encoded2 = btoa(arr.join(""));
    return url ? encoded2.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded2;
  }
  function decodeBase64(encoded2, url = false) {
    if (Uint8Array.fromBase64)
      return Uint8Array.fromBase64(encoded2, { alphabet: url ? "base64url" : "base64" });
    if (url) {
      if (encoded2.includes("+") || encoded2.includes("/"))
        throw new TypeError("Invalid base64url");
      encoded2 = encoded2.replace(/-/g, "+").replace(/_/g, "/");
    }
    const binary = atob(encoded2), bytes = new Uint8Array(binary.length);
    for (let i2 = 0; i2 < binary.length; i2++)
      bytes[i2] = binary.charCodeAt(i2);
    return bytes;
  }

  // node_modules/jose/dist/webapi/util/errors.js
  var JOSEError = class extends Error {
    static code = "ERR_JOSE_GENERIC";
    code = "ERR_JOSE_GENERIC";
    constructor(message, options) {
      super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
    }
  };
  var JWTInvalid = class extends JOSEError {
    static code = "ERR_JWT_INVALID";
    code = "ERR_JWT_INVALID";
  };

  // node_modules/jose/dist/webapi/util/base64url.js
  var base64url_exports = {};
  __export(base64url_exports, {
    decode: () => decode3,
    encode: () => encode2
  });
  var invalid = "The input to be decoded is not correctly encoded.";
  function decode3(input) {
    try {
      return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
    } catch (cause) {
      throw new TypeError(invalid, { cause });
    }
  }
  function encode2(input) {
    return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, true);
  }

  // node_modules/jose/dist/webapi/lib/validate.js
  function isObject(input) {
    if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
      return false;
    const prototype = Object.getPrototypeOf(input);
    return prototype === null || Object.getPrototypeOf(prototype) === null;
  }
  function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
    let parsed;
    try {
      parsed = JSON.parse(strictDecoder.decode(decode3(encodedProtectedHeader)));
    } catch (cause) {
      throw new ErrorClass(message, { cause });
    }
    if (!isObject(parsed))
      throw new ErrorClass(message);
    return parsed;
  }

  // node_modules/jose/dist/webapi/util/decode_protected_header.js
  function decodeProtectedHeader(token) {
    let encodedProtectedHeader;
    if (typeof token == "string") {
      const parts = token.split(".");
      (parts.length === 3 || parts.length === 5) && ([encodedProtectedHeader] = parts);
    } else if (typeof token == "object" && token)
      if ("protected" in token)
        encodedProtectedHeader = token.protected;
      else
        throw new TypeError("Token does not contain a Protected Header");
    const invalid2 = "Invalid Token or Protected Header formatting";
    if (typeof encodedProtectedHeader != "string" || !encodedProtectedHeader)
      throw new TypeError(invalid2);
    return parseJoseHeader(encodedProtectedHeader, TypeError, invalid2);
  }

  // node_modules/jose/dist/webapi/util/decode_jwt.js
  function decodeJwt(jwt) {
    if (typeof jwt != "string")
      throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
    const { 1: encodedPayload, length } = jwt.split(".");
    if (length === 5)
      throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
    if (length !== 3)
      throw new JWTInvalid("Invalid JWT");
    if (!encodedPayload)
      throw new JWTInvalid("JWTs must contain a payload");
    let claimsSetBytes;
    try {
      claimsSetBytes = decode3(encodedPayload);
    } catch (cause) {
      throw new JWTInvalid("Failed to base64url decode the payload", { cause });
    }
    let claimsSet;
    try {
      claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
    } catch (cause) {
      throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
    }
    if (!isObject(claimsSet))
      throw new JWTInvalid("Invalid JWT Claims Set");
    return claimsSet;
  }

  // node_modules/@noble/hashes/utils.js
  function isBytes(a) {
    return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
  }
  var atitle = (title) => title ? `"${title}" ` : "";
  function anumber(n, title = "") {
    if (typeof n !== "number")
      throw new TypeError(atitle(title) + "expected number, got " + typeof n);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
    return n;
  }
  function abool(value, title = "") {
    if (typeof value !== "boolean")
      throw new TypeError(atitle(title) + "expected boolean, got type=" + typeof value);
    return value;
  }
  function abytes(value, length, title = "") {
    if (isBytes(value) && (length === void 0 || value.length === length))
      return value;
    if (length !== void 0)
      anumber(length, "length");
    const bytes = isBytes(value);
    const ofLen = length !== void 0 ? ` of length ${length}` : "";
    const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
    const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
    if (!bytes)
      throw new TypeError(message);
    throw new RangeError(message);
  }
  function copyBytes(bytes) {
    return Uint8Array.from(abytes(bytes));
  }
  function ahash(h) {
    if (typeof h !== "function" || typeof h.create !== "function")
      throw new TypeError("expected hash wrapped by utils.createHasher");
    anumber(h.outputLen);
    anumber(h.blockLen);
    if (h.outputLen < 1 || h.blockLen < 1)
      throw new Error("hash blockLen / outputLen must be >= 1");
  }
  var aobject = (value, label) => {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
  };
  var aopts = (value, label) => {
    aobject(value, label);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new TypeError(`"${label}" expected plain object`);
    if (Object.hasOwn(value, "__proto__"))
      throw new TypeError(`"${label}.__proto__" is not allowed`);
  };
  function aexists(instance, checkFinished = true) {
    if (instance.destroyed)
      throw new Error("hash was destroyed");
    if (checkFinished && instance.finished)
      throw new Error("digest() was already called");
  }
  function aoutput(out, instance) {
    abytes(out, void 0, "output");
    const min = instance.outputLen;
    if (!(out.length >= min)) {
      throw new RangeError('"output" expected length >= ' + min);
    }
  }
  function u32(arr) {
    return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
  }
  function clean(...arrays) {
    for (let i2 = 0; i2 < arrays.length; i2++) {
      arrays[i2].fill(0);
    }
  }
  function createView(arr) {
    return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
  }
  function rotr(word, shift) {
    return word << 32 - shift | word >>> shift;
  }
  function rotl(word, shift) {
    return word << shift | word >>> 32 - shift >>> 0;
  }
  var isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
  function byteSwap(word) {
    return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
  }
  var swap8IfBE = isLE ? (n) => n : (n) => byteSwap(n) >>> 0;
  function byteSwap32(arr) {
    for (let i2 = 0; i2 < arr.length; i2++) {
      arr[i2] = byteSwap(arr[i2]);
    }
    return arr;
  }
  var swap32IfBE = isLE ? (u) => u : byteSwap32;
  var hasHexBuiltin = /* @__PURE__ */ (() => (
    // @ts-ignore
    typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
  ))();
  var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i2) => i2.toString(16).padStart(2, "0"));
  function bytesToHex(bytes) {
    abytes(bytes);
    if (hasHexBuiltin)
      return bytes.toHex();
    let hex = "";
    for (let i2 = 0; i2 < bytes.length; i2++) {
      hex += hexes[bytes[i2]];
    }
    return hex;
  }
  function asciiToBase16(ch) {
    return ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 70 ? ch - (65 - 10) : ch >= 97 && ch <= 102 ? ch - (97 - 10) : void 0;
  }
  function hexToBytes(hex) {
    if (typeof hex !== "string")
      throw new TypeError("hex string expected, got " + typeof hex);
    if (hasHexBuiltin) {
      try {
        return Uint8Array.fromHex(hex);
      } catch (error) {
        if (error instanceof SyntaxError)
          throw new RangeError(error.message);
        throw error;
      }
    }
    const hl = hex.length;
    const al = hl / 2;
    if (hl % 2)
      throw new RangeError("hex string expected, got unpadded hex of length " + hl);
    const array = new Uint8Array(al);
    for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
      const n1 = asciiToBase16(hex.charCodeAt(hi));
      const n2 = asciiToBase16(hex.charCodeAt(hi + 1));
      if (n1 === void 0 || n2 === void 0) {
        const char = hex[hi] + hex[hi + 1];
        throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
      }
      array[ai] = n1 * 16 + n2;
    }
    return array;
  }
  function utf8ToBytes(str) {
    if (typeof str !== "string")
      throw new TypeError("string expected");
    const encoded2 = new TextEncoder().encode(str);
    try {
      return new Uint8Array(encoded2);
    } finally {
      clean(encoded2);
    }
  }
  function kdfInputToBytes(data2, errorTitle = "") {
    if (typeof data2 === "string")
      return utf8ToBytes(data2);
    return abytes(data2, void 0, errorTitle);
  }
  function concatBytes(...arrays) {
    let sum = 0;
    for (let i2 = 0; i2 < arrays.length; i2++) {
      const a = arrays[i2];
      abytes(a);
      sum += a.length;
    }
    const res = new Uint8Array(sum);
    for (let i2 = 0, pad = 0; i2 < arrays.length; i2++) {
      const a = arrays[i2];
      res.set(a, pad);
      pad += a.length;
    }
    return res;
  }
  function checkOpts(defaults, opts, title = "opts") {
    aopts(defaults, "defaults");
    if (opts !== void 0)
      aopts(opts, title);
    const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
    return merged;
  }
  function createHasher(hashCons, info = {}) {
    if (typeof hashCons !== "function")
      throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
    info = checkOpts({}, info, "info");
    const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
    const tmp = hashCons(void 0);
    hashC.outputLen = tmp.outputLen;
    hashC.blockLen = tmp.blockLen;
    hashC.canXOF = tmp.canXOF;
    hashC.create = (opts) => hashCons(opts);
    Object.assign(hashC, info);
    return Object.freeze(hashC);
  }
  function randomBytes(bytesLength = 32) {
    anumber(bytesLength, "bytesLength");
    const cr = typeof globalThis === "object" ? globalThis.crypto : null;
    if (typeof cr?.getRandomValues !== "function")
      throw new Error("crypto.getRandomValues must be defined");
    if (bytesLength > 65536)
      throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
    return cr.getRandomValues(new Uint8Array(bytesLength));
  }
  var oidNist = (suffix) => ({
    // Current NIST hashAlgs suffixes used here fit in one DER subidentifier octet.
    // Larger suffix values would need base-128 OID encoding and a different length byte.
    oid: Uint8Array.from([6, 9, 96, 134, 72, 1, 101, 3, 4, 2, suffix])
  });

  // node_modules/@noble/hashes/hmac.js
  var _HMAC = class {
    oHash;
    iHash;
    blockLen;
    outputLen;
    canXOF = false;
    finished = false;
    destroyed = false;
    constructor(hash, key) {
      ahash(hash);
      abytes(key, void 0, "key");
      this.iHash = hash.create();
      if (typeof this.iHash.update !== "function")
        throw new Error("expected Hash instance");
      this.blockLen = this.iHash.blockLen;
      this.outputLen = this.iHash.outputLen;
      const blockLen = this.blockLen;
      const pad = new Uint8Array(blockLen);
      pad.set(key.length > blockLen ? hash.create().update(key).digest() : key);
      for (let i2 = 0; i2 < pad.length; i2++)
        pad[i2] ^= 54;
      this.iHash.update(pad);
      this.oHash = hash.create();
      for (let i2 = 0; i2 < pad.length; i2++)
        pad[i2] ^= 54 ^ 92;
      this.oHash.update(pad);
      clean(pad);
    }
    update(buf) {
      aexists(this);
      this.iHash.update(buf);
      return this;
    }
    digestInto(out) {
      aexists(this);
      aoutput(out, this);
      this.finished = true;
      const buf = out.subarray(0, this.outputLen);
      this.iHash.digestInto(buf);
      this.oHash.update(buf);
      this.oHash.digestInto(buf);
      this.destroy();
    }
    digest() {
      const out = new Uint8Array(this.oHash.outputLen);
      this.digestInto(out);
      return out;
    }
    _cloneInto(to) {
      to ||= Object.create(Object.getPrototypeOf(this), {});
      const { oHash, iHash, finished, destroyed, blockLen, outputLen, canXOF } = this;
      to = to;
      to.finished = finished;
      to.destroyed = destroyed;
      to.blockLen = blockLen;
      to.outputLen = outputLen;
      to.canXOF = canXOF;
      to.oHash = oHash._cloneInto(to.oHash);
      to.iHash = iHash._cloneInto(to.iHash);
      return to;
    }
    clone() {
      return this._cloneInto();
    }
    destroy() {
      this.destroyed = true;
      this.oHash.destroy();
      this.iHash.destroy();
    }
  };
  var hmac = /* @__PURE__ */ (() => {
    const hmac_ = ((hash, key, message) => new _HMAC(hash, key).update(message).digest());
    hmac_.create = (hash, key) => new _HMAC(hash, key);
    return hmac_;
  })();

  // node_modules/@noble/hashes/_u64.js
  var U32_MASK64 = /* @__PURE__ */ (() => BigInt(2 ** 32 - 1))();
  var _32n = /* @__PURE__ */ BigInt(32);
  function fromBig(n, le = false) {
    if (le)
      return { h: Number(n & U32_MASK64), l: Number(n >> _32n & U32_MASK64) };
    return { h: Number(n >> _32n & U32_MASK64) | 0, l: Number(n & U32_MASK64) | 0 };
  }
  function split(lst, le = false) {
    const len = lst.length;
    let Ah = new Uint32Array(len);
    let Al = new Uint32Array(len);
    for (let i2 = 0; i2 < len; i2++) {
      const { h, l } = fromBig(lst[i2], le);
      [Ah[i2], Al[i2]] = [h, l];
    }
    return [Ah, Al];
  }
  var fromNumH = (n) => n / 2 ** 32 | 0;
  var fromNumL = (n) => n >>> 0;
  function setU64FromNum(view, byteOffset, n, isLE2) {
    const h = fromNumH(n);
    const l = fromNumL(n);
    view.setUint32(byteOffset, isLE2 ? l : h, isLE2);
    view.setUint32(byteOffset + 4, isLE2 ? h : l, isLE2);
  }
  var shrSH = (h, _l, s) => h >>> s;
  var shrSL = (h, l, s) => h << 32 - s | l >>> s;
  var rotrSH = (h, l, s) => h >>> s | l << 32 - s;
  var rotrSL = (h, l, s) => h << 32 - s | l >>> s;
  var rotrBH = (h, l, s) => h << 64 - s | l >>> s - 32;
  var rotrBL = (h, l, s) => h >>> s - 32 | l << 64 - s;
  var rotr32H = (_h, l) => l;
  var rotr32L = (h, _l) => h;
  function add(Ah, Al, Bh, Bl) {
    const l = (Al >>> 0) + (Bl >>> 0);
    return { h: Ah + Bh + (l / 2 ** 32 | 0) | 0, l: l | 0 };
  }
  var add3L = (Al, Bl, Cl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0);
  var add3H = (low, Ah, Bh, Ch) => Ah + Bh + Ch + (low / 2 ** 32 | 0) | 0;
  var add4L = (Al, Bl, Cl, Dl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0);
  var add4H = (low, Ah, Bh, Ch, Dh) => Ah + Bh + Ch + Dh + (low / 2 ** 32 | 0) | 0;
  var add5L = (Al, Bl, Cl, Dl, El) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0) + (El >>> 0);
  var add5H = (low, Ah, Bh, Ch, Dh, Eh) => Ah + Bh + Ch + Dh + Eh + (low / 2 ** 32 | 0) | 0;

  // node_modules/@noble/hashes/_md.js
  function Chi(a, b, c) {
    return a & b ^ ~a & c;
  }
  function Maj(a, b, c) {
    return a & b ^ a & c ^ b & c;
  }
  var HashMD = class {
    blockLen;
    outputLen;
    canXOF = false;
    padOffset;
    isLE;
    // For partial updates less than block size
    buffer;
    view;
    finished = false;
    length = 0;
    pos = 0;
    destroyed = false;
    constructor(blockLen, outputLen, padOffset, isLE2) {
      this.blockLen = blockLen;
      this.outputLen = outputLen;
      this.padOffset = padOffset;
      this.isLE = isLE2;
      this.buffer = new Uint8Array(blockLen);
      this.view = createView(this.buffer);
    }
    update(data2) {
      aexists(this);
      abytes(data2);
      const { view, buffer, blockLen } = this;
      const len = data2.length;
      let processed = false;
      for (let pos = 0; pos < len; ) {
        const take = Math.min(blockLen - this.pos, len - pos);
        if (take === blockLen) {
          const dataView = createView(data2);
          for (; blockLen <= len - pos; pos += blockLen)
            this.process(dataView, pos);
          processed = true;
          continue;
        }
        buffer.set(pos === 0 && take === len ? data2 : data2.subarray(pos, pos + take), this.pos);
        this.pos += take;
        pos += take;
        if (this.pos === blockLen) {
          this.process(view, 0);
          this.pos = 0;
          processed = true;
        }
      }
      this.length += data2.length;
      if (processed)
        this.roundClean();
      return this;
    }
    digestInto(out) {
      aexists(this);
      aoutput(out, this);
      this.finished = true;
      const { buffer, view, blockLen, isLE: isLE2 } = this;
      let { pos } = this;
      buffer[pos++] = 128;
      buffer.fill(0, pos);
      if (this.padOffset > blockLen - pos) {
        this.process(view, 0);
        buffer.fill(0);
      }
      setU64FromNum(view, blockLen - 8, this.length * 8, isLE2);
      this.process(view, 0);
      this.roundClean();
      const oview = out === buffer ? view : createView(out);
      const len = this.outputLen;
      const outLen = len / 4;
      const state = this.get();
      if (len % 4 || outLen > state.length)
        throw new Error("invalid outputLen");
      for (let i2 = 0; i2 < outLen; i2++)
        oview.setUint32(4 * i2, state[i2], isLE2);
    }
    digest() {
      const { buffer, outputLen } = this;
      this.digestInto(buffer);
      const res = buffer.slice(0, outputLen);
      this.destroy();
      return res;
    }
    _cloneIntoMeta(to) {
      const { buffer, length, finished, destroyed, pos } = this;
      to.destroyed = destroyed;
      to.finished = finished;
      to.length = length;
      to.pos = pos;
      if (pos)
        to.buffer.set(buffer);
      return to;
    }
    clone() {
      return this._cloneInto();
    }
  };
  var SHA256_IV = /* @__PURE__ */ Uint32Array.from([
    1779033703,
    3144134277,
    1013904242,
    2773480762,
    1359893119,
    2600822924,
    528734635,
    1541459225
  ]);
  var SHA224_IV = /* @__PURE__ */ Uint32Array.from([
    3238371032,
    914150663,
    812702999,
    4144912697,
    4290775857,
    1750603025,
    1694076839,
    3204075428
  ]);
  var SHA384_IV = /* @__PURE__ */ Uint32Array.from([
    3418070365,
    3238371032,
    1654270250,
    914150663,
    2438529370,
    812702999,
    355462360,
    4144912697,
    1731405415,
    4290775857,
    2394180231,
    1750603025,
    3675008525,
    1694076839,
    1203062813,
    3204075428
  ]);
  var SHA512_IV = /* @__PURE__ */ Uint32Array.from([
    1779033703,
    4089235720,
    3144134277,
    2227873595,
    1013904242,
    4271175723,
    2773480762,
    1595750129,
    1359893119,
    2917565137,
    2600822924,
    725511199,
    528734635,
    4215389547,
    1541459225,
    327033209
  ]);

  // node_modules/@noble/hashes/sha2.js
  var SHA256_K = /* @__PURE__ */ Uint32Array.from([
    1116352408,
    1899447441,
    3049323471,
    3921009573,
    961987163,
    1508970993,
    2453635748,
    2870763221,
    3624381080,
    310598401,
    607225278,
    1426881987,
    1925078388,
    2162078206,
    2614888103,
    3248222580,
    3835390401,
    4022224774,
    264347078,
    604807628,
    770255983,
    1249150122,
    1555081692,
    1996064986,
    2554220882,
    2821834349,
    2952996808,
    3210313671,
    3336571891,
    3584528711,
    113926993,
    338241895,
    666307205,
    773529912,
    1294757372,
    1396182291,
    1695183700,
    1986661051,
    2177026350,
    2456956037,
    2730485921,
    2820302411,
    3259730800,
    3345764771,
    3516065817,
    3600352804,
    4094571909,
    275423344,
    430227734,
    506948616,
    659060556,
    883997877,
    958139571,
    1322822218,
    1537002063,
    1747873779,
    1955562222,
    2024104815,
    2227730452,
    2361852424,
    2428436474,
    2756734187,
    3204031479,
    3329325298
  ]);
  var SHA256_W = /* @__PURE__ */ new Uint32Array(64);
  var SHA2_32B = class extends HashMD {
    // We cannot use array here since array allows indexing by variable
    // which means optimizer/compiler cannot use registers.
    // Numeric initializers matter: starting the fields as `undefined` changes
    // V8's field representation and makes sha256 3x slower (measured).
    A = 0;
    B = 0;
    C = 0;
    D = 0;
    E = 0;
    F = 0;
    G = 0;
    H = 0;
    constructor(outputLen, IV) {
      super(64, outputLen, 8, false);
      this.A = IV[0] | 0;
      this.B = IV[1] | 0;
      this.C = IV[2] | 0;
      this.D = IV[3] | 0;
      this.E = IV[4] | 0;
      this.F = IV[5] | 0;
      this.G = IV[6] | 0;
      this.H = IV[7] | 0;
    }
    get() {
      const { A, B: B2, C, D, E, F, G, H } = this;
      return [A, B2, C, D, E, F, G, H];
    }
    // prettier-ignore
    set(A, B2, C, D, E, F, G, H) {
      this.A = A | 0;
      this.B = B2 | 0;
      this.C = C | 0;
      this.D = D | 0;
      this.E = E | 0;
      this.F = F | 0;
      this.G = G | 0;
      this.H = H | 0;
    }
    _cloneInto(to) {
      (to ||= new this.constructor()).set(...this.get());
      return this._cloneIntoMeta(to);
    }
    process(view, offset2) {
      for (let i2 = 0; i2 < 16; i2++, offset2 += 4)
        SHA256_W[i2] = view.getUint32(offset2, false);
      for (let i2 = 16; i2 < 64; i2++) {
        const W15 = SHA256_W[i2 - 15];
        const W2 = SHA256_W[i2 - 2];
        const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
        const s1 = rotr(W2, 17) ^ rotr(W2, 19) ^ W2 >>> 10;
        SHA256_W[i2] = s1 + SHA256_W[i2 - 7] + s0 + SHA256_W[i2 - 16] | 0;
      }
      let { A, B: B2, C, D, E, F, G, H } = this;
      for (let i2 = 0; i2 < 64; i2++) {
        const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
        const T1 = H + sigma1 + Chi(E, F, G) + SHA256_K[i2] + SHA256_W[i2] | 0;
        const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
        const T2 = sigma0 + Maj(A, B2, C) | 0;
        H = G;
        G = F;
        F = E;
        E = D + T1 | 0;
        D = C;
        C = B2;
        B2 = A;
        A = T1 + T2 | 0;
      }
      A = A + this.A | 0;
      B2 = B2 + this.B | 0;
      C = C + this.C | 0;
      D = D + this.D | 0;
      E = E + this.E | 0;
      F = F + this.F | 0;
      G = G + this.G | 0;
      H = H + this.H | 0;
      this.set(A, B2, C, D, E, F, G, H);
    }
    roundClean() {
      clean(SHA256_W);
    }
    destroy() {
      this.destroyed = true;
      this.set(0, 0, 0, 0, 0, 0, 0, 0);
      clean(this.buffer);
    }
  };
  var _SHA256 = class extends SHA2_32B {
    constructor() {
      super(32, SHA256_IV);
    }
  };
  var _SHA224 = class extends SHA2_32B {
    constructor() {
      super(28, SHA224_IV);
    }
  };
  var K512 = /* @__PURE__ */ (() => split([
    "0x428a2f98d728ae22",
    "0x7137449123ef65cd",
    "0xb5c0fbcfec4d3b2f",
    "0xe9b5dba58189dbbc",
    "0x3956c25bf348b538",
    "0x59f111f1b605d019",
    "0x923f82a4af194f9b",
    "0xab1c5ed5da6d8118",
    "0xd807aa98a3030242",
    "0x12835b0145706fbe",
    "0x243185be4ee4b28c",
    "0x550c7dc3d5ffb4e2",
    "0x72be5d74f27b896f",
    "0x80deb1fe3b1696b1",
    "0x9bdc06a725c71235",
    "0xc19bf174cf692694",
    "0xe49b69c19ef14ad2",
    "0xefbe4786384f25e3",
    "0x0fc19dc68b8cd5b5",
    "0x240ca1cc77ac9c65",
    "0x2de92c6f592b0275",
    "0x4a7484aa6ea6e483",
    "0x5cb0a9dcbd41fbd4",
    "0x76f988da831153b5",
    "0x983e5152ee66dfab",
    "0xa831c66d2db43210",
    "0xb00327c898fb213f",
    "0xbf597fc7beef0ee4",
    "0xc6e00bf33da88fc2",
    "0xd5a79147930aa725",
    "0x06ca6351e003826f",
    "0x142929670a0e6e70",
    "0x27b70a8546d22ffc",
    "0x2e1b21385c26c926",
    "0x4d2c6dfc5ac42aed",
    "0x53380d139d95b3df",
    "0x650a73548baf63de",
    "0x766a0abb3c77b2a8",
    "0x81c2c92e47edaee6",
    "0x92722c851482353b",
    "0xa2bfe8a14cf10364",
    "0xa81a664bbc423001",
    "0xc24b8b70d0f89791",
    "0xc76c51a30654be30",
    "0xd192e819d6ef5218",
    "0xd69906245565a910",
    "0xf40e35855771202a",
    "0x106aa07032bbd1b8",
    "0x19a4c116b8d2d0c8",
    "0x1e376c085141ab53",
    "0x2748774cdf8eeb99",
    "0x34b0bcb5e19b48a8",
    "0x391c0cb3c5c95a63",
    "0x4ed8aa4ae3418acb",
    "0x5b9cca4f7763e373",
    "0x682e6ff3d6b2b8a3",
    "0x748f82ee5defb2fc",
    "0x78a5636f43172f60",
    "0x84c87814a1f0ab72",
    "0x8cc702081a6439ec",
    "0x90befffa23631e28",
    "0xa4506cebde82bde9",
    "0xbef9a3f7b2c67915",
    "0xc67178f2e372532b",
    "0xca273eceea26619c",
    "0xd186b8c721c0c207",
    "0xeada7dd6cde0eb1e",
    "0xf57d4f7fee6ed178",
    "0x06f067aa72176fba",
    "0x0a637dc5a2c898a6",
    "0x113f9804bef90dae",
    "0x1b710b35131c471b",
    "0x28db77f523047d84",
    "0x32caab7b40c72493",
    "0x3c9ebe0a15c9bebc",
    "0x431d67c49c100d4c",
    "0x4cc5d4becb3e42b6",
    "0x597f299cfc657e2a",
    "0x5fcb6fab3ad6faec",
    "0x6c44198c4a475817"
  ].map((n) => BigInt(n))))();
  var SHA512_Kh = /* @__PURE__ */ (() => K512[0])();
  var SHA512_Kl = /* @__PURE__ */ (() => K512[1])();
  var SHA512_W_H = /* @__PURE__ */ new Uint32Array(80);
  var SHA512_W_L = /* @__PURE__ */ new Uint32Array(80);
  var SHA2_64B = class extends HashMD {
    // We cannot use array here since array allows indexing by variable
    // which means optimizer/compiler cannot use registers.
    // h -- high 32 bits, l -- low 32 bits
    // Numeric initializers matter: starting the fields as `undefined` changes
    // V8's field representation and slows hashing down (measured on sha256).
    Ah = 0;
    Al = 0;
    Bh = 0;
    Bl = 0;
    Ch = 0;
    Cl = 0;
    Dh = 0;
    Dl = 0;
    Eh = 0;
    El = 0;
    Fh = 0;
    Fl = 0;
    Gh = 0;
    Gl = 0;
    Hh = 0;
    Hl = 0;
    constructor(outputLen, IV) {
      super(128, outputLen, 16, false);
      this.Ah = IV[0] | 0;
      this.Al = IV[1] | 0;
      this.Bh = IV[2] | 0;
      this.Bl = IV[3] | 0;
      this.Ch = IV[4] | 0;
      this.Cl = IV[5] | 0;
      this.Dh = IV[6] | 0;
      this.Dl = IV[7] | 0;
      this.Eh = IV[8] | 0;
      this.El = IV[9] | 0;
      this.Fh = IV[10] | 0;
      this.Fl = IV[11] | 0;
      this.Gh = IV[12] | 0;
      this.Gl = IV[13] | 0;
      this.Hh = IV[14] | 0;
      this.Hl = IV[15] | 0;
    }
    // prettier-ignore
    get() {
      const { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
      return [Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl];
    }
    // prettier-ignore
    set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl) {
      this.Ah = Ah | 0;
      this.Al = Al | 0;
      this.Bh = Bh | 0;
      this.Bl = Bl | 0;
      this.Ch = Ch | 0;
      this.Cl = Cl | 0;
      this.Dh = Dh | 0;
      this.Dl = Dl | 0;
      this.Eh = Eh | 0;
      this.El = El | 0;
      this.Fh = Fh | 0;
      this.Fl = Fl | 0;
      this.Gh = Gh | 0;
      this.Gl = Gl | 0;
      this.Hh = Hh | 0;
      this.Hl = Hl | 0;
    }
    _cloneInto(to) {
      (to ||= new this.constructor()).set(...this.get());
      return this._cloneIntoMeta(to);
    }
    process(view, offset2) {
      for (let i2 = 0; i2 < 16; i2++, offset2 += 4) {
        SHA512_W_H[i2] = view.getUint32(offset2);
        SHA512_W_L[i2] = view.getUint32(offset2 += 4);
      }
      for (let i2 = 16; i2 < 80; i2++) {
        const W15h = SHA512_W_H[i2 - 15] | 0;
        const W15l = SHA512_W_L[i2 - 15] | 0;
        const s0h = rotrSH(W15h, W15l, 1) ^ rotrSH(W15h, W15l, 8) ^ shrSH(W15h, W15l, 7);
        const s0l = rotrSL(W15h, W15l, 1) ^ rotrSL(W15h, W15l, 8) ^ shrSL(W15h, W15l, 7);
        const W2h = SHA512_W_H[i2 - 2] | 0;
        const W2l = SHA512_W_L[i2 - 2] | 0;
        const s1h = rotrSH(W2h, W2l, 19) ^ rotrBH(W2h, W2l, 61) ^ shrSH(W2h, W2l, 6);
        const s1l = rotrSL(W2h, W2l, 19) ^ rotrBL(W2h, W2l, 61) ^ shrSL(W2h, W2l, 6);
        const SUMl = add4L(s0l, s1l, SHA512_W_L[i2 - 7], SHA512_W_L[i2 - 16]);
        const SUMh = add4H(SUMl, s0h, s1h, SHA512_W_H[i2 - 7], SHA512_W_H[i2 - 16]);
        SHA512_W_H[i2] = SUMh | 0;
        SHA512_W_L[i2] = SUMl | 0;
      }
      let { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
      for (let i2 = 0; i2 < 80; i2++) {
        const sigma1h = rotrSH(Eh, El, 14) ^ rotrSH(Eh, El, 18) ^ rotrBH(Eh, El, 41);
        const sigma1l = rotrSL(Eh, El, 14) ^ rotrSL(Eh, El, 18) ^ rotrBL(Eh, El, 41);
        const CHIh = Eh & Fh ^ ~Eh & Gh;
        const CHIl = El & Fl ^ ~El & Gl;
        const T1ll = add5L(Hl, sigma1l, CHIl, SHA512_Kl[i2], SHA512_W_L[i2]);
        const T1h = add5H(T1ll, Hh, sigma1h, CHIh, SHA512_Kh[i2], SHA512_W_H[i2]);
        const T1l = T1ll | 0;
        const sigma0h = rotrSH(Ah, Al, 28) ^ rotrBH(Ah, Al, 34) ^ rotrBH(Ah, Al, 39);
        const sigma0l = rotrSL(Ah, Al, 28) ^ rotrBL(Ah, Al, 34) ^ rotrBL(Ah, Al, 39);
        const MAJh = Ah & Bh ^ Ah & Ch ^ Bh & Ch;
        const MAJl = Al & Bl ^ Al & Cl ^ Bl & Cl;
        Hh = Gh | 0;
        Hl = Gl | 0;
        Gh = Fh | 0;
        Gl = Fl | 0;
        Fh = Eh | 0;
        Fl = El | 0;
        ({ h: Eh, l: El } = add(Dh | 0, Dl | 0, T1h | 0, T1l | 0));
        Dh = Ch | 0;
        Dl = Cl | 0;
        Ch = Bh | 0;
        Cl = Bl | 0;
        Bh = Ah | 0;
        Bl = Al | 0;
        const All = add3L(T1l, sigma0l, MAJl);
        Ah = add3H(All, T1h, sigma0h, MAJh);
        Al = All | 0;
      }
      ({ h: Ah, l: Al } = add(this.Ah | 0, this.Al | 0, Ah | 0, Al | 0));
      ({ h: Bh, l: Bl } = add(this.Bh | 0, this.Bl | 0, Bh | 0, Bl | 0));
      ({ h: Ch, l: Cl } = add(this.Ch | 0, this.Cl | 0, Ch | 0, Cl | 0));
      ({ h: Dh, l: Dl } = add(this.Dh | 0, this.Dl | 0, Dh | 0, Dl | 0));
      ({ h: Eh, l: El } = add(this.Eh | 0, this.El | 0, Eh | 0, El | 0));
      ({ h: Fh, l: Fl } = add(this.Fh | 0, this.Fl | 0, Fh | 0, Fl | 0));
      ({ h: Gh, l: Gl } = add(this.Gh | 0, this.Gl | 0, Gh | 0, Gl | 0));
      ({ h: Hh, l: Hl } = add(this.Hh | 0, this.Hl | 0, Hh | 0, Hl | 0));
      this.set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl);
    }
    roundClean() {
      clean(SHA512_W_H, SHA512_W_L);
    }
    destroy() {
      this.destroyed = true;
      clean(this.buffer);
      this.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  };
  var _SHA512 = class extends SHA2_64B {
    constructor() {
      super(64, SHA512_IV);
    }
  };
  var _SHA384 = class extends SHA2_64B {
    constructor() {
      super(48, SHA384_IV);
    }
  };
  var T224_IV = /* @__PURE__ */ Uint32Array.from([
    2352822216,
    424955298,
    1944164710,
    2312950998,
    502970286,
    855612546,
    1738396948,
    1479516111,
    258812777,
    2077511080,
    2011393907,
    79989058,
    1067287976,
    1780299464,
    286451373,
    2446758561
  ]);
  var T256_IV = /* @__PURE__ */ Uint32Array.from([
    573645204,
    4230739756,
    2673172387,
    3360449730,
    596883563,
    1867755857,
    2520282905,
    1497426621,
    2519219938,
    2827943907,
    3193839141,
    1401305490,
    721525244,
    746961066,
    246885852,
    2177182882
  ]);
  var _SHA512_224 = class extends SHA2_64B {
    constructor() {
      super(28, T224_IV);
    }
  };
  var _SHA512_256 = class extends SHA2_64B {
    constructor() {
      super(32, T256_IV);
    }
  };
  var sha256 = /* @__PURE__ */ createHasher(
    () => new _SHA256(),
    /* @__PURE__ */ oidNist(1)
  );
  var sha224 = /* @__PURE__ */ createHasher(
    () => new _SHA224(),
    /* @__PURE__ */ oidNist(4)
  );
  var sha512 = /* @__PURE__ */ createHasher(
    () => new _SHA512(),
    /* @__PURE__ */ oidNist(3)
  );
  var sha384 = /* @__PURE__ */ createHasher(
    () => new _SHA384(),
    /* @__PURE__ */ oidNist(2)
  );
  var sha512_256 = /* @__PURE__ */ createHasher(
    () => new _SHA512_256(),
    /* @__PURE__ */ oidNist(6)
  );
  var sha512_224 = /* @__PURE__ */ createHasher(
    () => new _SHA512_224(),
    /* @__PURE__ */ oidNist(5)
  );

  // src/engine/sessionToken.ts
  var encoder2 = new TextEncoder();
  function sign(signingInput, secret) {
    return base64url_exports.encode(hmac(sha256, encoder2.encode(secret), encoder2.encode(signingInput)));
  }
  function constantTimeEqual(a, b) {
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i2 = 0; i2 < a.length; i2++) diff |= a.charCodeAt(i2) ^ b.charCodeAt(i2);
    return diff === 0;
  }
  function encodeSessionToken(options) {
    const iat = Math.floor(options.now / 1e3);
    const claims = { iat, iss: options.issuer, sub: options.subject, exp: iat + options.expiresInSeconds, ip: options.ip, ...options.payload };
    const header = base64url_exports.encode(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const body = base64url_exports.encode(JSON.stringify(claims));
    return `${header}.${body}.${sign(`${header}.${body}`, options.secret)}`;
  }
  function verifySessionToken(token, options) {
    const parts = token.split(".");
    if (parts.length !== 3) throw new Error("the token is not a JWT");
    let header;
    let claims;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      throw new Error("the token is not a JWT");
    }
    if (header.alg !== "HS256") throw new Error(`unexpected algorithm ${String(header.alg)}, expected HS256`);
    if (!constantTimeEqual(sign(`${parts[0]}.${parts[1]}`, options.secret), parts[2])) throw new Error("invalid signature");
    if (typeof claims.exp !== "number") throw new Error('the token has no "exp" claim');
    if (claims.exp <= Math.floor(options.now / 1e3)) throw new Error("the token has expired");
    if (claims.state !== options.state) throw new Error('the "state" claim does not match the state of the /continue request');
    if (claims.sub !== options.subject) throw new Error('the "sub" claim does not match the user');
    return claims;
  }

  // src/engine/api/redirectApi.ts
  var NON_INTERACTIVE_PROTOCOLS = ["oauth2-resource-owner", "oauth2-refresh-token", "oauth2-password", "oauth2-webauthn"];
  function canRedirect(event) {
    return event.request?.query?.prompt !== "none" && !NON_INTERACTIVE_PROTOCOLS.includes(event.transaction?.protocol);
  }
  function redirectApi(ctx) {
    return {
      sendUserTo(url, options = {}) {
        if (ctx.local.suspension?.kind === "prompt") throw new Error("Redirect and render commands cannot be used in the same action.");
        const target = new URL(String(url));
        for (const [key, value] of Object.entries(options?.query ?? {})) target.searchParams.set(key, String(value));
        ctx.local.suspension = { kind: "redirect", url: target.href };
        return CHAIN;
      },
      encodeToken(options = {}) {
        if (typeof options.secret !== "string" || !options.secret) {
          throw new TypeError("encodeToken needs options.secret, a non-empty string (is the secret defined for this action?).");
        }
        const payload = options.payload ?? {};
        if (typeof payload !== "object" || payload === null) throw new TypeError("encodeToken options.payload must be an object.");
        const expiresInSeconds = options.expiresInSeconds ?? 900;
        if (typeof expiresInSeconds !== "number" || !(expiresInSeconds > 0)) throw new TypeError("encodeToken options.expiresInSeconds must be a positive number.");
        return encodeSessionToken({
          secret: options.secret,
          payload,
          expiresInSeconds,
          now: ctx.now(),
          issuer: ctx.event.request?.hostname ?? "",
          subject: ctx.event.user?.user_id,
          ip: ctx.event.request?.ip
        });
      },
      validateToken(options = {}) {
        const name = typeof options.tokenParameterName === "string" ? options.tokenParameterName : "session_token";
        const params = { ...ctx.event.request?.query, ...ctx.event.request?.body };
        const token = params[name];
        if (typeof token !== "string" || !token) {
          throw new Error(`There is no parameter called '${name}' available in either the POST body or query string.`);
        }
        if (typeof options.secret !== "string" || !options.secret) {
          throw new TypeError("validateToken needs options.secret, a non-empty string (is the secret defined for this action?).");
        }
        try {
          return verifySessionToken(token, { secret: options.secret, now: ctx.now(), state: params.state, subject: ctx.event.user?.user_id });
        } catch (error) {
          throw new Error(`The session token is invalid: ${error.message}`);
        }
      },
      /** @deprecated in Auth0, still available. */
      canRedirect: () => canRedirect(ctx.event)
    };
  }

  // src/engine/api/samlApi.ts
  var MAX_ATTRIBUTES = 100;
  var MAX_NAME_BYTES = 1024;
  var MAX_VALUE_BYTES = 2048;
  var string = (value, setter) => requireString(value, `${setter}: the value`);
  var boolean = (value, setter) => {
    if (typeof value !== "boolean") throw new TypeError(`${setter}: the value must be a boolean.`);
    return value;
  };
  var oneOf = (allowed) => (value, setter) => {
    if (typeof value !== "string" || !allowed.includes(value)) throw new TypeError(`${setter}: the value must be one of ${allowed.join(", ")}.`);
    return value;
  };
  var SETTINGS = {
    setAudience: string,
    setRecipient: string,
    setDestination: string,
    setRelayState: string,
    setIssuer: string,
    setNameIdentifierFormat: string,
    setAuthnContextClassRef: string,
    setSigningCert: string,
    setEncryptionCert: string,
    setEncryptionPublicKey: string,
    setCert: string,
    setKey: string,
    setCreateUpnClaim: boolean,
    setPassthroughClaimsWithNoMapping: boolean,
    setMapUnknownClaimsAsIs: boolean,
    setMapIdentities: boolean,
    setSignResponse: boolean,
    setIncludeAttributeNameFormat: boolean,
    setTypedAttributes: boolean,
    setLifetimeInSeconds: (value, setter) => {
      if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) throw new TypeError(`${setter}: the value must be a positive whole number of seconds.`);
      return value;
    },
    setSignatureAlgorithm: oneOf(["rsa-sha256", "rsa-sha1"]),
    setDigestAlgorithm: oneOf(["sha256", "sha1"]),
    setEncryptionAlgorithm: oneOf(["aes256-gcm", "aes256-cbc"]),
    setNameIdentifierProbes: (value, setter) => {
      if (!Array.isArray(value) || value.length > 10 || !value.every((item) => typeof item === "string")) {
        throw new TypeError(`${setter}: the value must be an array of at most 10 strings.`);
      }
      return value;
    }
  };
  var DEPRECATED = { "rsa-sha1": "rsa-sha256", sha1: "sha256", "aes256-cbc": "aes256-gcm" };
  function isSamlValue(value) {
    return value === null || ["string", "number", "boolean"].includes(typeof value) || Array.isArray(value);
  }
  function samlResponseApi(ctx) {
    const saml = () => ctx.tx.saml ??= { attributes: {}, configuration: {} };
    const methods = {
      setAttribute(attribute, value) {
        const name = refuseReservedKey(requireString(attribute, "The SAML attribute name"), "SAML attribute");
        if (utf8Length(name) > MAX_NAME_BYTES) throw new Error(`SAML attribute names are limited to ${MAX_NAME_BYTES} bytes.`);
        if (!isSamlValue(value)) throw new TypeError("A SAML attribute value must be a string, number, boolean, null or an array.");
        if (utf8Length(JSON.stringify(value)) > MAX_VALUE_BYTES) throw new Error(`SAML attribute values are limited to ${MAX_VALUE_BYTES} bytes.`);
        const attributes = saml().attributes;
        if (value === null) delete attributes[name];
        else {
          if (!(name in attributes) && Object.keys(attributes).length >= MAX_ATTRIBUTES) throw new Error(`At most ${MAX_ATTRIBUTES} SAML attributes can be changed.`);
          attributes[name] = value;
        }
        return CHAIN;
      }
    };
    for (const [setter, check] of Object.entries(SETTINGS)) {
      methods[setter] = (value) => {
        const checked = check(value, `api.samlResponse.${setter}`);
        const setting = setter[3].toLowerCase() + setter.slice(4);
        if (typeof checked === "string" && DEPRECATED[checked]) {
          ctx.tx.warnings.push(`${ctx.action.name}: ${setter}("${checked}") is deprecated and insecure; use "${DEPRECATED[checked]}".`);
        }
        ;
        saml().configuration[setting] = checked;
        return CHAIN;
      };
    }
    return methods;
  }

  // src/engine/api/sessionApi.ts
  var MAX_METADATA_KEYS = 25;
  var MAX_METADATA_VALUE = 255;
  var METADATA_KEY = /^[a-zA-Z0-9_-]{1,255}$/;
  function changesOf(ctx, field, eventField) {
    ctx.tx[field] ??= {};
    const changes = ctx.tx[field];
    changes.metadata ??= { ...ctx.event[eventField]?.metadata ?? {} };
    return changes;
  }
  function metadataMethods(ctx, field, eventField, label) {
    const metadata = () => {
      if (field === "session" && !ctx.event.session) {
        throw new Error("Failed to set session metadata: Cannot set metadata on a session that does not exist.");
      }
      return changesOf(ctx, field, eventField).metadata;
    };
    const publish = (values) => {
      if (ctx.event[eventField]) ctx.event[eventField].metadata = { ...values };
    };
    return {
      setMetadata(key, value) {
        const values = metadata();
        const name = refuseReservedKey(requireString(key, `The ${label} metadata key`), `${label} metadata key`);
        if (!METADATA_KEY.test(name)) throw new Error(`Invalid ${label} metadata key "${name}": use 1 to 255 letters, digits, "_" or "-".`);
        if (value === null) delete values[name];
        else {
          if (typeof value !== "string") throw new TypeError(`${label} metadata values must be strings.`);
          if (value.length > MAX_METADATA_VALUE) throw new Error(`${label} metadata values are limited to ${MAX_METADATA_VALUE} characters.`);
          if (!(name in values) && Object.keys(values).length >= MAX_METADATA_KEYS) throw new Error(`${label} metadata is limited to ${MAX_METADATA_KEYS} keys.`);
          values[name] = value;
        }
        publish(values);
      },
      deleteMetadata(key) {
        const values = metadata();
        delete values[requireString(key, `The ${label} metadata key`)];
        publish(values);
      },
      evictMetadata() {
        const values = metadata();
        for (const key of Object.keys(values)) delete values[key];
        publish(values);
      }
    };
  }
  function setEarliest(changes, field, value) {
    const current2 = changes[field];
    changes[field] = typeof current2 === "number" ? Math.min(current2, value) : value;
  }
  function expiryMethods(changes, label) {
    return {
      setExpiresAt(absolute) {
        setEarliest(changes(), "expires_at", requireTimestamp(absolute, `The ${label} expiry`));
        return CHAIN;
      },
      setIdleExpiresAt(idle) {
        setEarliest(changes(), "idle_expires_at", requireTimestamp(idle, `The ${label} idle expiry`));
        return CHAIN;
      }
    };
  }
  function sessionApi(ctx) {
    const changes = () => changesOf(ctx, "session", "session");
    return {
      revoke(reason, options = {}) {
        const description = requireString(reason, "The revoke reason");
        Object.assign(changes(), { revoked: true, reason: description, preserveRefreshTokens: options?.preserveRefreshTokens === true });
        ctx.tx.denial ??= { code: "access_denied", description, action: ctx.action.name };
        return CHAIN;
      },
      ...expiryMethods(changes, "session"),
      setCookieMode(mode) {
        if (mode !== "persistent" && mode !== "non-persistent") throw new TypeError('The cookie mode must be "persistent" or "non-persistent".');
        changes().cookie_mode = mode;
      },
      ...metadataMethods(ctx, "session", "session", "Session")
    };
  }
  function refreshTokenApi(ctx) {
    const changes = () => changesOf(ctx, "refreshToken", "refresh_token");
    return {
      revoke(reason) {
        const description = requireString(reason, "The revoke reason");
        if (ctx.event.transaction?.protocol !== "oauth2-refresh-token") {
          throw new Error('api.refreshToken.revoke can only be used during a refresh token exchange (transaction.protocol "oauth2-refresh-token").');
        }
        Object.assign(changes(), { revoked: true, reason: description });
        ctx.tx.denial ??= { code: "access_denied", description, action: ctx.action.name };
        return CHAIN;
      },
      ...expiryMethods(changes, "refresh token"),
      ...metadataMethods(ctx, "refreshToken", "refresh_token", "Refresh token")
    };
  }

  // src/engine/api/tokensApi.ts
  var MAX_SCOPE_LENGTH = 280;
  var MAX_SCOPE_CHANGES = 1e3;
  function setCustomClaim(claims) {
    return (name, value) => {
      if (typeof name !== "string") throw new TypeError("The claim name must be a string.");
      if (name === "scope") throw new Error('The "scope" claim cannot be set.');
      claims[refuseReservedKey(name, "claim")] = jsonCopy(value);
      return CHAIN;
    };
  }
  function checkScope(scope) {
    if (typeof scope !== "string") throw new TypeError("The value for the scope must be a string.");
    const trimmed = scope.trim();
    if (!trimmed) throw new Error("The value for the scope is required.");
    if (trimmed.length > MAX_SCOPE_LENGTH) throw new Error(`The value for the scope exceeds the allowed maximum of ${MAX_SCOPE_LENGTH} characters.`);
    if (/\s/.test(trimmed)) throw new Error("The value for the scope must not have whitespace.");
    return trimmed;
  }
  function accessTokenApi(ctx) {
    let changes = 0;
    const count = () => {
      if (++changes > MAX_SCOPE_CHANGES) throw new Error(`No more than ${MAX_SCOPE_CHANGES} scope changes are allowed.`);
    };
    return {
      setCustomClaim: setCustomClaim(ctx.tx.accessTokenClaims),
      addScope(scope) {
        const value = checkScope(scope);
        count();
        if (!ctx.tx.scopes.includes(value)) ctx.tx.scopes.push(value);
        return CHAIN;
      },
      removeScope(scope) {
        const value = checkScope(scope);
        count();
        ctx.tx.scopes = ctx.tx.scopes.filter((existing) => existing !== value);
        return CHAIN;
      }
    };
  }
  function idTokenApi(ctx) {
    return { setCustomClaim: setCustomClaim(ctx.tx.idTokenClaims) };
  }

  // src/engine/api/userApi.ts
  function isObject2(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }
  function userApi(ctx) {
    const setter = (field) => (name, value) => {
      if (!isObject2(ctx.event.user?.[field])) throw new Error(`Unexpected ${field} format. Must be a valid JSON object.`);
      const key = refuseReservedKey(requireString(name, "The metadata property name"), `${field} property`);
      if (value !== void 0) ctx.tx.pending[field][key] = jsonCopy(value);
      if (field === "user_metadata") ctx.local.userMetadataKeys.push(key);
      return CHAIN;
    };
    return { setAppMetadata: setter("app_metadata"), setUserMetadata: setter("user_metadata") };
  }

  // src/engine/api/createApi.ts
  var OWNER = /* @__PURE__ */ Symbol("api");
  function createApiMaker(ctx, begin) {
    const namespaces = {
      access: accessApi(ctx),
      accessToken: accessTokenApi(ctx),
      authentication: authenticationApi(ctx),
      cache: cacheApi(ctx),
      idToken: idTokenApi(ctx),
      multifactor: multifactorApi(ctx),
      prompt: promptApi(ctx),
      redirect: redirectApi(ctx),
      refreshToken: refreshTokenApi(ctx),
      rules: rulesApi(),
      samlResponse: samlResponseApi(ctx),
      session: sessionApi(ctx),
      transaction: transactionApi(ctx),
      user: userApi(ctx),
      validation: validationApi(ctx)
    };
    const wrapped = Object.entries(namespaces).map(([namespace, methods]) => {
      const target = {};
      for (const [name, impl] of Object.entries(methods)) {
        const call = `api.${namespace}.${name}`;
        target[name] = function method(...args) {
          const api = this?.[OWNER] ?? ctx.api;
          const entry2 = begin(call, name, args, method, api);
          try {
            const returned = impl(...args);
            if (returned === CHAIN) return api;
            if (entry2 && returned !== void 0) entry2.returned = toJson(returned);
            return returned;
          } catch (error) {
            if (entry2) entry2.error = error instanceof Error ? error.message : String(error);
            throw error;
          }
        };
      }
      return [namespace, target];
    });
    return () => {
      const api = {};
      for (const [namespace, methods] of wrapped) {
        const copy = { ...methods };
        copy[OWNER] = api;
        api[namespace] = copy;
      }
      return api;
    };
  }

  // src/engine/cache.ts
  var CACHE_LIMITS = {
    entries: 20,
    keyBytes: 64,
    valueBytes: 4096,
    totalBytes: 8192,
    defaultTtlMs: 15 * 6e4,
    maxTtlMs: 24 * 36e5
  };
  var CacheState = class {
    constructor(records, now) {
      this.now = now;
      this.records = new Map(Object.entries(records).filter(([, record]) => record.expires_at > now()));
    }
    now;
    records;
    get(key) {
      const record = this.records.get(key);
      if (!record) return void 0;
      if (record.expires_at <= this.now()) {
        this.records.delete(key);
        return void 0;
      }
      return { ...record };
    }
    set(key, value, options = {}) {
      if (typeof key !== "string" || utf8Length(key) > CACHE_LIMITS.keyBytes) return { type: "error", code: "CacheKeySizeExceeded" };
      if (typeof value !== "string") throw new TypeError("The cache value must be a string.");
      if (utf8Length(value) > CACHE_LIMITS.valueBytes) return { type: "error", code: "CacheValueSizeExceeded" };
      const now = this.now();
      const candidates = [now + CACHE_LIMITS.maxTtlMs];
      for (const [option, toExpiry] of [["ttl", (n) => now + n], ["expires_at", (n) => n]]) {
        const given = options[option];
        if (given === void 0) continue;
        if (typeof given !== "number" || !Number.isFinite(given) || given <= 0) return { type: "error", code: "InvalidExpiry" };
        candidates.push(toExpiry(given));
      }
      if (options.ttl === void 0 && options.expires_at === void 0) candidates.push(now + CACHE_LIMITS.defaultTtlMs);
      const expires_at = Math.min(...candidates);
      if (expires_at <= now) return { type: "error", code: "ItemAlreadyExpired" };
      const next = new Map(this.records);
      next.set(key, { value, expires_at });
      const total = [...next].reduce((sum, [k, record]) => sum + utf8Length(k) + utf8Length(record.value), 0);
      if (next.size > CACHE_LIMITS.entries || total > CACHE_LIMITS.totalBytes) return { type: "error", code: "CacheSizeExceeded" };
      this.records = next;
      return { type: "success", record: { value, expires_at } };
    }
    delete(key) {
      return this.records.delete(key) ? { type: "success" } : { type: "error", code: "CacheKeyDoesNotExist" };
    }
    snapshot() {
      const now = this.now();
      return Object.fromEntries([...this.records].filter(([, record]) => record.expires_at > now));
    }
  };

  // node_modules/acorn/dist/acorn.mjs
  var astralIdentifierCodes = [509, 0, 227, 0, 150, 4, 294, 9, 1368, 2, 2, 1, 6, 3, 41, 2, 5, 0, 166, 1, 574, 3, 9, 9, 7, 9, 32, 4, 318, 1, 31, 4, 33, 15, 71, 10, 50, 3, 123, 2, 54, 14, 32, 10, 3, 1, 11, 3, 46, 10, 8, 0, 46, 9, 7, 2, 37, 13, 2, 9, 6, 1, 45, 0, 13, 2, 49, 13, 9, 3, 2, 11, 83, 11, 7, 0, 3, 0, 158, 11, 6, 9, 7, 3, 56, 1, 2, 6, 3, 1, 3, 2, 10, 0, 11, 1, 3, 6, 4, 4, 68, 8, 2, 0, 3, 0, 2, 3, 2, 4, 2, 0, 15, 1, 83, 17, 10, 9, 5, 0, 82, 19, 13, 9, 214, 6, 3, 8, 28, 1, 83, 16, 16, 9, 82, 12, 9, 9, 7, 19, 58, 14, 5, 9, 243, 14, 166, 9, 71, 5, 2, 1, 3, 3, 2, 0, 2, 1, 13, 9, 120, 6, 3, 6, 4, 0, 29, 9, 41, 6, 2, 3, 9, 0, 10, 10, 47, 15, 199, 7, 137, 9, 54, 7, 2, 7, 17, 9, 57, 21, 2, 13, 123, 5, 4, 0, 2, 1, 2, 6, 2, 0, 9, 9, 49, 4, 2, 1, 2, 4, 9, 9, 55, 9, 7, 0, 259, 3, 10, 1, 2, 0, 49, 6, 4, 4, 14, 10, 5350, 0, 7, 14, 11465, 27, 2343, 9, 87, 9, 39, 4, 60, 6, 26, 9, 535, 9, 470, 0, 2, 54, 8, 3, 82, 0, 12, 1, 19628, 1, 4178, 9, 519, 45, 3, 22, 481, 1, 61, 4, 4, 5, 9, 7, 3, 6, 31, 3, 149, 2, 12, 2, 9, 1, 3, 0, 33, 1, 1357, 49, 513, 54, 5, 49, 9, 0, 15, 0, 23, 4, 2, 14, 1361, 6, 2, 16, 3, 6, 2, 1, 2, 4, 101, 0, 161, 6, 10, 9, 357, 0, 62, 13, 499, 13, 245, 1, 2, 9, 233, 0, 3, 0, 8, 1, 6, 0, 475, 6, 110, 6, 6, 9, 4759, 9, 787719, 239];
  var astralIdentifierStartCodes = [0, 11, 2, 25, 2, 18, 2, 1, 2, 14, 3, 13, 35, 122, 70, 52, 268, 28, 4, 48, 48, 31, 14, 29, 6, 37, 11, 29, 3, 35, 5, 7, 2, 4, 43, 157, 19, 35, 5, 35, 5, 39, 9, 51, 13, 10, 2, 14, 2, 6, 2, 1, 2, 10, 2, 14, 2, 6, 2, 1, 4, 51, 13, 310, 10, 21, 11, 7, 25, 5, 2, 41, 2, 13, 65, 5, 3, 0, 2, 43, 2, 1, 4, 0, 3, 22, 11, 22, 10, 30, 66, 18, 2, 1, 11, 21, 11, 25, 7, 25, 39, 55, 7, 1, 65, 0, 16, 3, 2, 2, 2, 28, 43, 28, 4, 28, 36, 7, 2, 27, 28, 53, 11, 21, 11, 18, 14, 17, 111, 72, 56, 50, 14, 50, 14, 35, 39, 27, 10, 22, 251, 41, 7, 1, 17, 5, 18, 21, 18, 28, 11, 0, 9, 21, 43, 17, 47, 20, 28, 22, 13, 52, 58, 1, 3, 0, 14, 44, 33, 24, 27, 35, 30, 0, 3, 0, 9, 34, 4, 0, 13, 47, 15, 3, 22, 0, 2, 0, 36, 17, 2, 24, 20, 1, 64, 6, 2, 0, 2, 3, 2, 14, 2, 9, 8, 46, 39, 7, 3, 1, 3, 21, 2, 6, 2, 1, 2, 4, 4, 0, 19, 0, 13, 4, 31, 9, 2, 0, 3, 0, 2, 37, 2, 0, 26, 0, 2, 0, 45, 52, 19, 3, 21, 2, 31, 47, 21, 1, 2, 0, 185, 46, 42, 3, 37, 47, 21, 0, 60, 42, 14, 0, 72, 26, 38, 6, 186, 43, 117, 63, 32, 7, 3, 0, 3, 7, 2, 1, 2, 23, 16, 0, 2, 0, 95, 7, 3, 38, 17, 0, 2, 0, 29, 0, 11, 39, 8, 0, 22, 0, 12, 45, 20, 0, 19, 72, 18, 0, 182, 32, 32, 8, 2, 36, 18, 0, 50, 29, 113, 6, 2, 1, 2, 37, 22, 0, 26, 5, 2, 1, 2, 31, 15, 0, 24, 43, 22, 0, 239, 18, 16, 0, 2, 12, 2, 33, 125, 0, 80, 921, 103, 111, 6, 206, 13, 310, 2314, 96, 16, 1071, 18, 5, 26, 3994, 6, 582, 6842, 29, 1763, 568, 8, 30, 18, 78, 18, 29, 19, 47, 17, 3, 32, 20, 6, 18, 433, 44, 212, 63, 33, 24, 3, 24, 45, 74, 6, 0, 67, 12, 65, 1, 2, 0, 15, 4, 10, 7386, 37, 33, 96, 114, 14, 913, 15, 50, 7710, 3, 2, 6, 2, 1, 2, 296, 10, 0, 30, 2, 3, 0, 15, 4, 8, 395, 2309, 106, 6, 12, 4, 8, 8, 9, 5991, 84, 2, 70, 2, 1, 3, 0, 3, 1, 3, 3, 2, 11, 2, 0, 2, 6, 2, 64, 2, 3, 3, 7, 2, 6, 2, 27, 2, 3, 2, 4, 2, 0, 4, 6, 2, 340, 2, 24, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 7, 1845, 129, 15, 6, 55, 50, 49, 61, 147, 44, 11, 6, 17, 0, 322, 29, 19, 43, 485, 27, 229, 29, 3, 0, 208, 30, 2, 2, 2, 1, 2, 6, 3, 4, 10, 1, 225, 6, 2, 3, 2, 1, 2, 14, 2, 196, 60, 67, 8, 0, 1205, 3, 2, 26, 2, 1, 2, 0, 3, 0, 2, 9, 2, 3, 2, 0, 2, 0, 7, 0, 5, 0, 2, 0, 2, 0, 2, 2, 2, 1, 2, 0, 3, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 1, 2, 0, 3, 3, 2, 6, 2, 3, 2, 3, 2, 0, 2, 9, 2, 16, 6, 2, 2, 4, 2, 16, 4421, 42719, 33, 4382, 2, 5773, 3, 7472, 16, 621, 2467, 541, 1507, 4938, 6, 8489, 39815, 11327];
  var nonASCIIidentifierChars = "\u200C\u200D\xB7\u0300-\u036F\u0387\u0483-\u0487\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7-\u05C9\u0610-\u061A\u064B-\u0669\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u06F0-\u06F9\u0711\u0730-\u074A\u07A6-\u07B0\u07C0-\u07C9\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u0897-\u089F\u08CA-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963\u0966-\u096F\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7\u09C8\u09CB-\u09CD\u09D7\u09E2\u09E3\u09E6-\u09EF\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A66-\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2\u0AE3\u0AE6-\u0AEF\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B53-\u0B57\u0B62\u0B63\u0B66-\u0B6F\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0BE6-\u0BEF\u0C00-\u0C04\u0C3C\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C62\u0C63\u0C66-\u0C6F\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CE2\u0CE3\u0CE6-\u0CEF\u0CF3\u0D00-\u0D03\u0D3B\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62\u0D63\u0D66-\u0D6F\u0D81-\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DE6-\u0DEF\u0DF2\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E50-\u0E59\u0EB1\u0EB4-\u0EBC\u0EC8-\u0ECE\u0ED0-\u0ED9\u0F18\u0F19\u0F20-\u0F29\u0F35\u0F37\u0F39\u0F3E\u0F3F\u0F71-\u0F84\u0F86\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1040-\u1049\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F-\u109D\u135D-\u135F\u1369-\u1371\u1712-\u1715\u1732-\u1734\u1752\u1753\u1772\u1773\u17B4-\u17D3\u17DD\u17E0-\u17E9\u180B-\u180D\u180F-\u1819\u18A9\u1920-\u192B\u1930-\u193B\u1946-\u194F\u19D0-\u19DA\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F-\u1A89\u1A90-\u1A99\u1AB0-\u1ABD\u1ABF-\u1AF0\u1B00-\u1B04\u1B34-\u1B44\u1B50-\u1B59\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BB0-\u1BB9\u1BE6-\u1BF3\u1C24-\u1C37\u1C40-\u1C49\u1C50-\u1C59\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DFF\u200C\u200D\u203F\u2040\u2054\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\u30FB\uA620-\uA629\uA66F\uA674-\uA67D\uA69E\uA69F\uA6F0\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA82C\uA880\uA881\uA8B4-\uA8C5\uA8D0-\uA8D9\uA8E0-\uA8F1\uA8FF-\uA909\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9D0-\uA9D9\uA9E5\uA9F0-\uA9F9\uAA29-\uAA36\uAA43\uAA4C\uAA4D\uAA50-\uAA59\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7\uAAB8\uAABE\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5\uAAF6\uABE3-\uABEA\uABEC\uABED\uABF0-\uABF9\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\uFE33\uFE34\uFE4D-\uFE4F\uFF10-\uFF19\uFF3F\uFF65";
  var nonASCIIidentifierStartChars = "\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u0558\u0559\u0560-\u0588\u058B\u058C\u05D0-\u05EA\u05EF-\u05F2\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FC\u06FF\u0710\u0712-\u072F\u074D-\u07A5\u07B1\u07CA-\u07EA\u07F4\u07F5\u07FA\u0800-\u0815\u081A\u0824\u0828\u0840-\u0858\u0860-\u086A\u0870-\u0887\u0889-\u088F\u08A0-\u08C9\u0904-\u0939\u093D\u0950\u0958-\u0961\u0971-\u0980\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BD\u09CE\u09DC\u09DD\u09DF-\u09E1\u09F0\u09F1\u09FC\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A59-\u0A5C\u0A5E\u0A72-\u0A74\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABD\u0AD0\u0AE0\u0AE1\u0AF9\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3D\u0B5C\u0B5D\u0B5F-\u0B61\u0B71\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BD0\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D\u0C58-\u0C5A\u0C5C\u0C5D\u0C60\u0C61\u0C80\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBD\u0CDC-\u0CDE\u0CE0\u0CE1\u0CF1\u0CF2\u0D04-\u0D0C\u0D0E-\u0D10\u0D12-\u0D3A\u0D3D\u0D4E\u0D54-\u0D56\u0D5F-\u0D61\u0D7A-\u0D7F\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46\u0E81\u0E82\u0E84\u0E86-\u0E8A\u0E8C-\u0EA3\u0EA5\u0EA7-\u0EB0\u0EB2\u0EB3\u0EBD\u0EC0-\u0EC4\u0EC6\u0EDC-\u0EDF\u0F00\u0F40-\u0F47\u0F49-\u0F6C\u0F88-\u0F8C\u1000-\u102A\u103F\u1050-\u1055\u105A-\u105D\u1061\u1065\u1066\u106E-\u1070\u1075-\u1081\u108E\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u1711\u171F-\u1731\u1740-\u1751\u1760-\u176C\u176E-\u1770\u1780-\u17B3\u17D7\u17DC\u1820-\u1878\u1880-\u18A8\u18AA\u18B0-\u18F5\u1900-\u191E\u1950-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u1A00-\u1A16\u1A20-\u1A54\u1AA7\u1B05-\u1B33\u1B45-\u1B4C\u1B83-\u1BA0\u1BAE\u1BAF\u1BBA-\u1BE5\u1C00-\u1C23\u1C4D-\u1C4F\u1C5A-\u1C7D\u1C80-\u1C8A\u1C90-\u1CBA\u1CBD-\u1CBF\u1CE9-\u1CEC\u1CEE-\u1CF3\u1CF5\u1CF6\u1CFA\u1D00-\u1DBF\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2071\u207F\u208F-\u209F\u2102\u2107\u210A-\u2113\u2115\u2118-\u211D\u2124\u2126\u2128\u212A-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303C\u3041-\u3096\u309B-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312F\u3131-\u318E\u31A0-\u31BF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA61F\uA62A\uA62B\uA640-\uA66E\uA67F-\uA69D\uA6A0-\uA6EF\uA717-\uA71F\uA722-\uA788\uA78B-\uA7DD\uA7E2\uA7F1-\uA801\uA803-\uA805\uA807-\uA80A\uA80C-\uA822\uA840-\uA873\uA882-\uA8B3\uA8F2-\uA8F7\uA8FB\uA8FD\uA8FE\uA90A-\uA925\uA930-\uA946\uA960-\uA97C\uA984-\uA9B2\uA9CF\uA9E0-\uA9E4\uA9E6-\uA9EF\uA9FA-\uA9FE\uAA00-\uAA28\uAA40-\uAA42\uAA44-\uAA4B\uAA60-\uAA76\uAA7A\uAA7E-\uAAAF\uAAB1\uAAB5\uAAB6\uAAB9-\uAABD\uAAC0\uAAC2\uAADB-\uAADD\uAAE0-\uAAEA\uAAF2-\uAAF4\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB69\uAB6C\uAB6D\uAB70-\uABE2\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D\uFB1F-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC";
  var reservedWords = {
    3: "abstract boolean byte char class double enum export extends final float goto implements import int interface long native package private protected public short static super synchronized throws transient volatile",
    5: "class enum extends super const export import",
    6: "enum",
    strict: "implements interface let package private protected public static yield",
    strictBind: "eval arguments"
  };
  var ecma5AndLessKeywords = "break case catch continue debugger default do else finally for function if return switch throw try var while with null true false instanceof typeof void delete new in this";
  var keywords$1 = {
    5: ecma5AndLessKeywords,
    "5module": ecma5AndLessKeywords + " export import",
    6: ecma5AndLessKeywords + " const class extends export import super"
  };
  var keywordRelationalOperator = /^in(stanceof)?$/;
  var nonASCIIidentifierStart = new RegExp("[" + nonASCIIidentifierStartChars + "]");
  var nonASCIIidentifier = new RegExp("[" + nonASCIIidentifierStartChars + nonASCIIidentifierChars + "]");
  function isInAstralSet(code, set) {
    var pos = 65536;
    for (var i2 = 0; i2 < set.length; i2 += 2) {
      pos += set[i2];
      if (pos > code) {
        return false;
      }
      pos += set[i2 + 1];
      if (pos >= code) {
        return true;
      }
    }
    return false;
  }
  function isIdentifierStart(code, astral) {
    if (code < 65) {
      return code === 36;
    }
    if (code < 91) {
      return true;
    }
    if (code < 97) {
      return code === 95;
    }
    if (code < 123) {
      return true;
    }
    if (code <= 65535) {
      return code >= 170 && nonASCIIidentifierStart.test(String.fromCharCode(code));
    }
    if (astral === false) {
      return false;
    }
    return isInAstralSet(code, astralIdentifierStartCodes);
  }
  function isIdentifierChar(code, astral) {
    if (code < 48) {
      return code === 36;
    }
    if (code < 58) {
      return true;
    }
    if (code < 65) {
      return false;
    }
    if (code < 91) {
      return true;
    }
    if (code < 97) {
      return code === 95;
    }
    if (code < 123) {
      return true;
    }
    if (code <= 65535) {
      return code >= 170 && nonASCIIidentifier.test(String.fromCharCode(code));
    }
    if (astral === false) {
      return false;
    }
    return isInAstralSet(code, astralIdentifierStartCodes) || isInAstralSet(code, astralIdentifierCodes);
  }
  var TokenType = function TokenType2(label, conf) {
    if (conf === void 0) conf = {};
    this.label = label;
    this.keyword = conf.keyword;
    this.beforeExpr = !!conf.beforeExpr;
    this.startsExpr = !!conf.startsExpr;
    this.isLoop = !!conf.isLoop;
    this.isAssign = !!conf.isAssign;
    this.prefix = !!conf.prefix;
    this.postfix = !!conf.postfix;
    this.binop = conf.binop || null;
    this.updateContext = null;
  };
  function binop(name, prec) {
    return new TokenType(name, { beforeExpr: true, binop: prec });
  }
  var beforeExpr = { beforeExpr: true };
  var startsExpr = { startsExpr: true };
  var keywords = {};
  function kw(name, options) {
    if (options === void 0) options = {};
    options.keyword = name;
    return keywords[name] = new TokenType(name, options);
  }
  var types$1 = {
    num: new TokenType("num", startsExpr),
    regexp: new TokenType("regexp", startsExpr),
    string: new TokenType("string", startsExpr),
    name: new TokenType("name", startsExpr),
    privateId: new TokenType("privateId", startsExpr),
    eof: new TokenType("eof"),
    // Punctuation token types.
    bracketL: new TokenType("[", { beforeExpr: true, startsExpr: true }),
    bracketR: new TokenType("]"),
    braceL: new TokenType("{", { beforeExpr: true, startsExpr: true }),
    braceR: new TokenType("}"),
    parenL: new TokenType("(", { beforeExpr: true, startsExpr: true }),
    parenR: new TokenType(")"),
    comma: new TokenType(",", beforeExpr),
    semi: new TokenType(";", beforeExpr),
    colon: new TokenType(":", beforeExpr),
    dot: new TokenType("."),
    question: new TokenType("?", beforeExpr),
    questionDot: new TokenType("?."),
    arrow: new TokenType("=>", beforeExpr),
    template: new TokenType("template"),
    invalidTemplate: new TokenType("invalidTemplate"),
    ellipsis: new TokenType("...", beforeExpr),
    backQuote: new TokenType("`", startsExpr),
    dollarBraceL: new TokenType("${", { beforeExpr: true, startsExpr: true }),
    // Operators. These carry several kinds of properties to help the
    // parser use them properly (the presence of these properties is
    // what categorizes them as operators).
    //
    // `binop`, when present, specifies that this operator is a binary
    // operator, and will refer to its precedence.
    //
    // `prefix` and `postfix` mark the operator as a prefix or postfix
    // unary operator.
    //
    // `isAssign` marks all of `=`, `+=`, `-=` etcetera, which act as
    // binary operators with a very low precedence, that should result
    // in AssignmentExpression nodes.
    eq: new TokenType("=", { beforeExpr: true, isAssign: true }),
    assign: new TokenType("_=", { beforeExpr: true, isAssign: true }),
    incDec: new TokenType("++/--", { prefix: true, postfix: true, startsExpr: true }),
    prefix: new TokenType("!/~", { beforeExpr: true, prefix: true, startsExpr: true }),
    logicalOR: binop("||", 1),
    logicalAND: binop("&&", 2),
    bitwiseOR: binop("|", 3),
    bitwiseXOR: binop("^", 4),
    bitwiseAND: binop("&", 5),
    equality: binop("==/!=/===/!==", 6),
    relational: binop("</>/<=/>=", 7),
    bitShift: binop("<</>>/>>>", 8),
    plusMin: new TokenType("+/-", { beforeExpr: true, binop: 9, prefix: true, startsExpr: true }),
    modulo: binop("%", 10),
    star: binop("*", 10),
    slash: binop("/", 10),
    starstar: new TokenType("**", { beforeExpr: true }),
    coalesce: binop("??", 1),
    // Keyword token types.
    _break: kw("break"),
    _case: kw("case", beforeExpr),
    _catch: kw("catch"),
    _continue: kw("continue"),
    _debugger: kw("debugger"),
    _default: kw("default", beforeExpr),
    _do: kw("do", { isLoop: true, beforeExpr: true }),
    _else: kw("else", beforeExpr),
    _finally: kw("finally"),
    _for: kw("for", { isLoop: true }),
    _function: kw("function", startsExpr),
    _if: kw("if"),
    _return: kw("return", beforeExpr),
    _switch: kw("switch"),
    _throw: kw("throw", beforeExpr),
    _try: kw("try"),
    _var: kw("var"),
    _const: kw("const"),
    _while: kw("while", { isLoop: true }),
    _with: kw("with"),
    _new: kw("new", { beforeExpr: true, startsExpr: true }),
    _this: kw("this", startsExpr),
    _super: kw("super", startsExpr),
    _class: kw("class", startsExpr),
    _extends: kw("extends", beforeExpr),
    _export: kw("export"),
    _import: kw("import", startsExpr),
    _null: kw("null", startsExpr),
    _true: kw("true", startsExpr),
    _false: kw("false", startsExpr),
    _in: kw("in", { beforeExpr: true, binop: 7 }),
    _instanceof: kw("instanceof", { beforeExpr: true, binop: 7 }),
    _typeof: kw("typeof", { beforeExpr: true, prefix: true, startsExpr: true }),
    _void: kw("void", { beforeExpr: true, prefix: true, startsExpr: true }),
    _delete: kw("delete", { beforeExpr: true, prefix: true, startsExpr: true })
  };
  var lineBreak = /\r\n?|\n|\u2028|\u2029/;
  var lineBreakG = new RegExp(lineBreak.source, "g");
  function isNewLine(code) {
    return code === 10 || code === 13 || code === 8232 || code === 8233;
  }
  function nextLineBreak(code, from, end) {
    if (end === void 0) end = code.length;
    for (var i2 = from; i2 < end; i2++) {
      var next = code.charCodeAt(i2);
      if (isNewLine(next)) {
        return i2 < end - 1 && next === 13 && code.charCodeAt(i2 + 1) === 10 ? i2 + 2 : i2 + 1;
      }
    }
    return -1;
  }
  var nonASCIIwhitespace = /[\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/;
  var skipWhiteSpace = /(?:\s|\/\/.*|\/\*[^]*?\*\/)*/g;
  var ref = Object.prototype;
  var hasOwnProperty = ref.hasOwnProperty;
  var toString = ref.toString;
  var hasOwn = Object.hasOwn || (function(obj, propName) {
    return hasOwnProperty.call(obj, propName);
  });
  var isArray = Array.isArray || (function(obj) {
    return toString.call(obj) === "[object Array]";
  });
  var regexpCache = /* @__PURE__ */ Object.create(null);
  function wordsRegexp(words) {
    return regexpCache[words] || (regexpCache[words] = new RegExp("^(?:" + words.replace(/ /g, "|") + ")$"));
  }
  function codePointToString(code) {
    if (code <= 65535) {
      return String.fromCharCode(code);
    }
    code -= 65536;
    return String.fromCharCode((code >> 10) + 55296, (code & 1023) + 56320);
  }
  var loneSurrogate = /(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF])/;
  var Position = function Position2(line, col) {
    this.line = line;
    this.column = col;
  };
  Position.prototype.offset = function offset(n) {
    return new Position(this.line, this.column + n);
  };
  var SourceLocation = function SourceLocation2(p, start, end) {
    this.start = start;
    this.end = end;
    if (p.sourceFile !== null) {
      this.source = p.sourceFile;
    }
  };
  function getLineInfo(input, offset2) {
    for (var line = 1, cur = 0; ; ) {
      var nextBreak = nextLineBreak(input, cur, offset2);
      if (nextBreak < 0) {
        return new Position(line, offset2 - cur);
      }
      ++line;
      cur = nextBreak;
    }
  }
  var defaultOptions = {
    // `ecmaVersion` indicates the ECMAScript version to parse. Must be
    // either 3, 5, 6 (or 2015), 7 (2016), 8 (2017), 9 (2018), 10
    // (2019), 11 (2020), 12 (2021), 13 (2022), 14 (2023), or `"latest"`
    // (the latest version the library supports). This influences
    // support for strict mode, the set of reserved words, and support
    // for new syntax features.
    ecmaVersion: null,
    // `sourceType` indicates the mode the code should be parsed in.
    // Can be either `"script"`, `"module"` or `"commonjs"`. This influences global
    // strict mode and parsing of `import` and `export` declarations.
    sourceType: "script",
    // When set to true, enable strict parsing mode even if `sourceType`
    // is `"script"`.
    strict: false,
    // `onInsertedSemicolon` can be a callback that will be called when
    // a semicolon is automatically inserted. It will be passed the
    // position of the inserted semicolon as an offset, and if
    // `locations` is enabled, it is given the location as a `{line,
    // column}` object as second argument.
    onInsertedSemicolon: null,
    // `onTrailingComma` is similar to `onInsertedSemicolon`, but for
    // trailing commas.
    onTrailingComma: null,
    // By default, reserved words are only enforced if ecmaVersion >= 5.
    // Set `allowReserved` to a boolean value to explicitly turn this on
    // an off. When this option has the value "never", reserved words
    // and keywords can also not be used as property names.
    allowReserved: null,
    // When enabled, a return at the top level is not considered an
    // error.
    allowReturnOutsideFunction: false,
    // When enabled, import/export statements are not constrained to
    // appearing at the top of the program, and an import.meta expression
    // in a script isn't considered an error.
    allowImportExportEverywhere: false,
    // By default, await identifiers are allowed to appear at the top-level scope only if ecmaVersion >= 2022.
    // When enabled, await identifiers are allowed to appear at the top-level scope,
    // but they are still not allowed in non-async functions.
    allowAwaitOutsideFunction: null,
    // When enabled, super identifiers are not constrained to
    // appearing in methods and do not raise an error when they appear elsewhere.
    allowSuperOutsideMethod: null,
    // When enabled, hashbang directive in the beginning of file is
    // allowed and treated as a line comment. Enabled by default when
    // `ecmaVersion` >= 2023.
    allowHashBang: false,
    // By default, the parser will verify that private properties are
    // only used in places where they are valid and have been declared.
    // Set this to false to turn such checks off.
    checkPrivateFields: true,
    // When `locations` is on, `loc` properties holding objects with
    // `start` and `end` properties in `{line, column}` form (with
    // line being 1-based and column 0-based) will be attached to the
    // nodes.
    locations: false,
    // Pass an optional `{line, column}` object to use for the start of
    // the parse. This is mostly useful when using `parseExpressionAt`
    // with `locations: true`, to prevent the parser from having to
    // determine the line position at the start position.
    startLocation: null,
    // A function can be passed as `onToken` option, which will
    // cause Acorn to call that function with object in the same
    // format as tokens returned from `tokenizer().getToken()`. Note
    // that you are not allowed to call the parser from the
    // callback—that will corrupt its internal state.
    onToken: null,
    // A function can be passed as `onComment` option, which will
    // cause Acorn to call that function with `(block, text, start,
    // end)` parameters whenever a comment is skipped. `block` is a
    // boolean indicating whether this is a block (`/* */`) comment,
    // `text` is the content of the comment, and `start` and `end` are
    // character offsets that denote the start and end of the comment.
    // When the `locations` option is on, two more parameters are
    // passed, the full `{line, column}` locations of the start and
    // end of the comments. Note that you are not allowed to call the
    // parser from the callback—that will corrupt its internal state.
    // When this option has an array as value, objects representing the
    // comments are pushed to it.
    onComment: null,
    // Nodes have their start and end characters offsets recorded in
    // `start` and `end` properties (directly on the node, rather than
    // the `loc` object, which holds line/column data. To also add a
    // [semi-standardized][range] `range` property holding a `[start,
    // end]` array with the same numbers, set the `ranges` option to
    // `true`.
    //
    // [range]: https://bugzilla.mozilla.org/show_bug.cgi?id=745678
    ranges: false,
    // It is possible to parse multiple files into a single AST by
    // passing the tree produced by parsing the first file as
    // `program` option in subsequent parses. This will add the
    // toplevel forms of the parsed file to the `Program` (top) node
    // of an existing parse tree.
    program: null,
    // When `locations` is on, you can pass this to record the source
    // file in every node's `loc` object.
    sourceFile: null,
    // This value, if given, is stored in every node, whether
    // `locations` is on or off.
    directSourceFile: null,
    // When enabled, parenthesized expressions are represented by
    // (non-standard) ParenthesizedExpression nodes
    preserveParens: false
  };
  var warnedAboutEcmaVersion = false;
  function getOptions(opts) {
    var options = {};
    for (var opt in defaultOptions) {
      options[opt] = opts && hasOwn(opts, opt) ? opts[opt] : defaultOptions[opt];
    }
    if (options.ecmaVersion === "latest") {
      options.ecmaVersion = 1e8;
    } else if (options.ecmaVersion == null) {
      if (!warnedAboutEcmaVersion && typeof console === "object" && console.warn) {
        warnedAboutEcmaVersion = true;
        console.warn("Since Acorn 8.0.0, options.ecmaVersion is required.\nDefaulting to 2020, but this will stop working in the future.");
      }
      options.ecmaVersion = 11;
    } else if (options.ecmaVersion >= 2015) {
      options.ecmaVersion -= 2009;
    }
    if (options.allowReserved == null) {
      options.allowReserved = options.ecmaVersion < 5;
    }
    if (!opts || opts.allowHashBang == null) {
      options.allowHashBang = options.ecmaVersion >= 14;
    }
    if (isArray(options.onToken)) {
      var tokens = options.onToken;
      options.onToken = function(token) {
        return tokens.push(token);
      };
    }
    if (isArray(options.onComment)) {
      options.onComment = pushComment(options, options.onComment);
    }
    if (options.sourceType === "commonjs" && options.allowAwaitOutsideFunction) {
      throw new Error("Cannot use allowAwaitOutsideFunction with sourceType: commonjs");
    }
    return options;
  }
  function pushComment(options, array) {
    return function(block2, text, start, end, startLoc, endLoc) {
      var comment = {
        type: block2 ? "Block" : "Line",
        value: text,
        start,
        end
      };
      if (options.locations) {
        comment.loc = new SourceLocation(this, startLoc, endLoc);
      }
      if (options.ranges) {
        comment.range = [start, end];
      }
      array.push(comment);
    };
  }
  var SCOPE_TOP = 1;
  var SCOPE_FUNCTION = 2;
  var SCOPE_ASYNC = 4;
  var SCOPE_GENERATOR = 8;
  var SCOPE_ARROW = 16;
  var SCOPE_SIMPLE_CATCH = 32;
  var SCOPE_SUPER = 64;
  var SCOPE_DIRECT_SUPER = 128;
  var SCOPE_CLASS_STATIC_BLOCK = 256;
  var SCOPE_CLASS_FIELD_INIT = 512;
  var SCOPE_SWITCH = 1024;
  var SCOPE_VAR = SCOPE_TOP | SCOPE_FUNCTION | SCOPE_CLASS_STATIC_BLOCK;
  function functionFlags(async, generator) {
    return SCOPE_FUNCTION | (async ? SCOPE_ASYNC : 0) | (generator ? SCOPE_GENERATOR : 0);
  }
  var BIND_NONE = 0;
  var BIND_VAR = 1;
  var BIND_LEXICAL = 2;
  var BIND_FUNCTION = 3;
  var BIND_SIMPLE_CATCH = 4;
  var BIND_OUTSIDE = 5;
  var Parser = function Parser2(options, input, startPos) {
    this.options = options = getOptions(options);
    this.sourceFile = options.sourceFile;
    this.keywords = wordsRegexp(keywords$1[options.ecmaVersion >= 6 ? 6 : options.sourceType === "module" ? "5module" : 5]);
    var reserved = "";
    if (options.allowReserved !== true) {
      reserved = reservedWords[options.ecmaVersion >= 6 ? 6 : options.ecmaVersion === 5 ? 5 : 3];
      if (options.sourceType === "module") {
        reserved += " await";
      }
    }
    this.reservedWords = wordsRegexp(reserved);
    var reservedStrict = (reserved ? reserved + " " : "") + reservedWords.strict;
    this.reservedWordsStrict = wordsRegexp(reservedStrict);
    this.reservedWordsStrictBind = wordsRegexp(reservedStrict + " " + reservedWords.strictBind);
    this.input = String(input);
    this.containsEsc = false;
    this.pos = startPos || 0;
    this.curLine = 1;
    if (options.startLocation) {
      this.lineStart = this.pos - options.startLocation.column;
      this.curLine = options.startLocation.line;
    } else if (startPos) {
      this.lineStart = this.input.lastIndexOf("\n", startPos - 1) + 1;
      if (this.options.locations) {
        this.curLine = this.input.slice(0, this.lineStart).split(lineBreak).length;
      }
    } else {
      this.lineStart = 0;
    }
    this.type = types$1.eof;
    this.value = null;
    this.start = this.end = this.pos;
    this.startLoc = this.endLoc = this.curPosition();
    this.lastTokEndLoc = this.lastTokStartLoc = null;
    this.lastTokStart = this.lastTokEnd = this.pos;
    this.context = this.initialContext();
    this.exprAllowed = true;
    this.inModule = options.sourceType === "module";
    this.strict = this.inModule || options.strict === true || this.strictDirective(this.pos);
    this.potentialArrowAt = -1;
    this.potentialArrowInForAwait = false;
    this.yieldPos = this.awaitPos = this.awaitIdentPos = 0;
    this.labels = [];
    this.undefinedExports = /* @__PURE__ */ Object.create(null);
    if (this.pos === 0 && options.allowHashBang && this.input.slice(0, 2) === "#!") {
      this.skipLineComment(2);
    }
    this.scopeStack = [];
    this.enterScope(
      this.options.sourceType === "commonjs" ? SCOPE_FUNCTION : SCOPE_TOP
    );
    this.regexpState = null;
    this.privateNameStack = [];
  };
  var prototypeAccessors = { inFunction: { configurable: true }, inGenerator: { configurable: true }, inAsync: { configurable: true }, canAwait: { configurable: true }, allowReturn: { configurable: true }, allowSuper: { configurable: true }, allowDirectSuper: { configurable: true }, treatFunctionsAsVar: { configurable: true }, allowNewDotTarget: { configurable: true }, allowUsing: { configurable: true }, inClassStaticBlock: { configurable: true } };
  Parser.prototype.parse = function parse2() {
    var this$1$1 = this;
    var node = this.options.program || this.startNode();
    this.nextToken();
    return this.catchStackOverflow(function() {
      return this$1$1.parseTopLevel(node);
    });
  };
  prototypeAccessors.inFunction.get = function() {
    return (this.currentVarScope().flags & SCOPE_FUNCTION) > 0;
  };
  prototypeAccessors.inGenerator.get = function() {
    return (this.currentVarScope().flags & SCOPE_GENERATOR) > 0;
  };
  prototypeAccessors.inAsync.get = function() {
    return (this.currentVarScope().flags & SCOPE_ASYNC) > 0;
  };
  prototypeAccessors.canAwait.get = function() {
    for (var i2 = this.scopeStack.length - 1; i2 >= 0; i2--) {
      var ref2 = this.scopeStack[i2];
      var flags = ref2.flags;
      if (flags & (SCOPE_CLASS_STATIC_BLOCK | SCOPE_CLASS_FIELD_INIT)) {
        return false;
      }
      if (flags & SCOPE_FUNCTION) {
        return (flags & SCOPE_ASYNC) > 0;
      }
    }
    return this.inModule && this.options.ecmaVersion >= 13 || this.options.allowAwaitOutsideFunction;
  };
  prototypeAccessors.allowReturn.get = function() {
    if (this.inFunction) {
      return true;
    }
    if (this.options.allowReturnOutsideFunction && this.currentVarScope().flags & SCOPE_TOP) {
      return true;
    }
    return false;
  };
  prototypeAccessors.allowSuper.get = function() {
    var ref2 = this.currentThisScope();
    var flags = ref2.flags;
    return (flags & SCOPE_SUPER) > 0 || this.options.allowSuperOutsideMethod;
  };
  prototypeAccessors.allowDirectSuper.get = function() {
    return (this.currentThisScope().flags & SCOPE_DIRECT_SUPER) > 0;
  };
  prototypeAccessors.treatFunctionsAsVar.get = function() {
    return this.treatFunctionsAsVarInScope(this.currentScope());
  };
  prototypeAccessors.allowNewDotTarget.get = function() {
    for (var i2 = this.scopeStack.length - 1; i2 >= 0; i2--) {
      var ref2 = this.scopeStack[i2];
      var flags = ref2.flags;
      if (flags & (SCOPE_CLASS_STATIC_BLOCK | SCOPE_CLASS_FIELD_INIT) || flags & SCOPE_FUNCTION && !(flags & SCOPE_ARROW)) {
        return true;
      }
    }
    return false;
  };
  prototypeAccessors.allowUsing.get = function() {
    var ref2 = this.currentScope();
    var flags = ref2.flags;
    if (flags & SCOPE_SWITCH) {
      return false;
    }
    if (!this.inModule && flags & SCOPE_TOP) {
      return false;
    }
    return true;
  };
  prototypeAccessors.inClassStaticBlock.get = function() {
    return (this.currentVarScope().flags & SCOPE_CLASS_STATIC_BLOCK) > 0;
  };
  Parser.extend = function extend() {
    var plugins = [], len = arguments.length;
    while (len--) plugins[len] = arguments[len];
    var cls = this;
    for (var i2 = 0; i2 < plugins.length; i2++) {
      cls = plugins[i2](cls);
    }
    return cls;
  };
  Parser.parse = function parse3(input, options) {
    return new this(options, input).parse();
  };
  Parser.parseExpressionAt = function parseExpressionAt(input, pos, options) {
    var parser = new this(options, input, pos);
    parser.nextToken();
    return parser.parseExpression();
  };
  Parser.tokenizer = function tokenizer(input, options) {
    return new this(options, input);
  };
  Object.defineProperties(Parser.prototype, prototypeAccessors);
  var pp$9 = Parser.prototype;
  var literal = /^(?:'((?:\\[^]|[^'\\])*?)'|"((?:\\[^]|[^"\\])*?)")/;
  pp$9.strictDirective = function(start) {
    if (this.options.ecmaVersion < 5) {
      return false;
    }
    for (; ; ) {
      skipWhiteSpace.lastIndex = start;
      start += skipWhiteSpace.exec(this.input)[0].length;
      var match = literal.exec(this.input.slice(start));
      if (!match) {
        return false;
      }
      if ((match[1] || match[2]) === "use strict") {
        skipWhiteSpace.lastIndex = start + match[0].length;
        var spaceAfter = skipWhiteSpace.exec(this.input), end = spaceAfter.index + spaceAfter[0].length;
        var next = this.input.charAt(end);
        return next === ";" || next === "}" || lineBreak.test(spaceAfter[0]) && !(/[(`.[+\-/*%<>=,?^&]/.test(next) || next === "!" && this.input.charAt(end + 1) === "=" || next === "i" && keywordOpAt(this, end));
      }
      start += match[0].length;
      skipWhiteSpace.lastIndex = start;
      start += skipWhiteSpace.exec(this.input)[0].length;
      if (this.input[start] === ";") {
        start++;
      }
    }
  };
  function keywordOpAt(parser, pos) {
    var end = pos + 1, stop = Math.min(parser.input.length, pos + 11);
    while (end < stop) {
      var ch = parser.fullCharCodeAt(end);
      if (!isIdentifierChar(ch, true)) {
        break;
      }
      end += ch <= 65535 ? 1 : 2;
    }
    return end === pos + 2 && parser.input.slice(pos, end) === "in" || end === pos + 10 && parser.input.slice(pos, end) === "instanceof";
  }
  pp$9.eat = function(type) {
    if (this.type === type) {
      this.next();
      return true;
    } else {
      return false;
    }
  };
  pp$9.isContextual = function(name) {
    return this.type === types$1.name && this.value === name && !this.containsEsc;
  };
  pp$9.eatContextual = function(name) {
    if (!this.isContextual(name)) {
      return false;
    }
    this.next();
    return true;
  };
  pp$9.catchStackOverflow = function(f) {
    try {
      return f();
    } catch (e) {
      if (e instanceof Error && (/\bstack\b.*\b(exceeded|overflow)\b/i.test(e.message) || /\btoo much recursion\b/i.test(e.message))) {
        this.raise(this.start, "Not enough stack space to parse input");
      } else {
        throw e;
      }
    }
  };
  pp$9.expectContextual = function(name) {
    if (!this.eatContextual(name)) {
      this.unexpected();
    }
  };
  pp$9.canInsertSemicolon = function() {
    return this.type === types$1.eof || this.type === types$1.braceR || lineBreak.test(this.input.slice(this.lastTokEnd, this.start));
  };
  pp$9.insertSemicolon = function() {
    if (this.canInsertSemicolon()) {
      if (this.options.onInsertedSemicolon) {
        this.options.onInsertedSemicolon(this.lastTokEnd, this.lastTokEndLoc);
      }
      return true;
    }
  };
  pp$9.semicolon = function() {
    if (!this.eat(types$1.semi) && !this.insertSemicolon()) {
      this.unexpected();
    }
  };
  pp$9.afterTrailingComma = function(tokType, notNext) {
    if (this.type === tokType) {
      if (this.options.onTrailingComma) {
        this.options.onTrailingComma(this.lastTokStart, this.lastTokStartLoc);
      }
      if (!notNext) {
        this.next();
      }
      return true;
    }
  };
  pp$9.expect = function(type) {
    this.eat(type) || this.unexpected();
  };
  pp$9.unexpected = function(pos) {
    this.raise(pos != null ? pos : this.start, "Unexpected token");
  };
  var DestructuringErrors = function DestructuringErrors2() {
    this.shorthandAssign = this.trailingComma = this.parenthesizedAssign = this.parenthesizedBind = this.doubleProto = -1;
  };
  pp$9.checkPatternErrors = function(refDestructuringErrors, isAssign) {
    if (!refDestructuringErrors) {
      return;
    }
    if (refDestructuringErrors.trailingComma > -1) {
      this.raiseRecoverable(refDestructuringErrors.trailingComma, "Comma is not permitted after the rest element");
    }
    var parens = isAssign ? refDestructuringErrors.parenthesizedAssign : refDestructuringErrors.parenthesizedBind;
    if (parens > -1) {
      this.raiseRecoverable(parens, isAssign ? "Assigning to rvalue" : "Parenthesized pattern");
    }
  };
  pp$9.checkExpressionErrors = function(refDestructuringErrors, andThrow) {
    if (!refDestructuringErrors) {
      return false;
    }
    var shorthandAssign = refDestructuringErrors.shorthandAssign;
    var doubleProto = refDestructuringErrors.doubleProto;
    if (!andThrow) {
      return shorthandAssign >= 0 || doubleProto >= 0;
    }
    if (shorthandAssign >= 0) {
      this.raise(shorthandAssign, "Shorthand property assignments are valid only in destructuring patterns");
    }
    if (doubleProto >= 0) {
      this.raiseRecoverable(doubleProto, "Redefinition of __proto__ property");
    }
  };
  pp$9.checkYieldAwaitInDefaultParams = function() {
    if (this.yieldPos && (!this.awaitPos || this.yieldPos < this.awaitPos)) {
      this.raise(this.yieldPos, "Yield expression cannot be a default value");
    }
    if (this.awaitPos) {
      this.raise(this.awaitPos, "Await expression cannot be a default value");
    }
  };
  pp$9.isSimpleAssignTarget = function(expr) {
    if (expr.type === "ParenthesizedExpression") {
      return this.isSimpleAssignTarget(expr.expression);
    }
    return expr.type === "Identifier" || expr.type === "MemberExpression";
  };
  var pp$8 = Parser.prototype;
  pp$8.parseTopLevel = function(node) {
    var exports$1 = /* @__PURE__ */ Object.create(null);
    if (!node.body) {
      node.body = [];
    }
    while (this.type !== types$1.eof) {
      var stmt = this.parseStatement(null, true, exports$1);
      node.body.push(stmt);
    }
    if (this.inModule) {
      for (var i2 = 0, list2 = Object.keys(this.undefinedExports); i2 < list2.length; i2 += 1) {
        var name = list2[i2];
        this.raiseRecoverable(this.undefinedExports[name].start, "Export '" + name + "' is not defined");
      }
    }
    this.adaptDirectivePrologue(node.body);
    this.next();
    node.sourceType = this.options.sourceType === "commonjs" ? "script" : this.options.sourceType;
    return this.finishNode(node, "Program");
  };
  var loopLabel = { kind: "loop" };
  var switchLabel = { kind: "switch" };
  pp$8.isLet = function(context) {
    if (this.options.ecmaVersion < 6 || !this.isContextual("let")) {
      return false;
    }
    skipWhiteSpace.lastIndex = this.pos;
    var skip = skipWhiteSpace.exec(this.input);
    var next = this.pos + skip[0].length, nextCh = this.fullCharCodeAt(next);
    if (nextCh === 91 || nextCh === 92) {
      return true;
    }
    if (context) {
      return false;
    }
    if (nextCh === 123) {
      return true;
    }
    if (isIdentifierStart(nextCh)) {
      var start = next;
      do {
        next += nextCh <= 65535 ? 1 : 2;
      } while (isIdentifierChar(nextCh = this.fullCharCodeAt(next)));
      if (nextCh === 92) {
        return true;
      }
      var ident = this.input.slice(start, next);
      if (!keywordRelationalOperator.test(ident)) {
        return true;
      }
    }
    return false;
  };
  pp$8.isAsyncFunction = function() {
    if (this.options.ecmaVersion < 8 || !this.isContextual("async")) {
      return false;
    }
    skipWhiteSpace.lastIndex = this.pos;
    var skip = skipWhiteSpace.exec(this.input);
    var next = this.pos + skip[0].length, after;
    return !lineBreak.test(this.input.slice(this.pos, next)) && this.input.slice(next, next + 8) === "function" && (next + 8 === this.input.length || !(isIdentifierChar(after = this.fullCharCodeAt(next + 8)) || after === 92));
  };
  pp$8.isUsingKeyword = function(isAwaitUsing, isFor) {
    if (this.options.ecmaVersion < 17 || !this.isContextual(isAwaitUsing ? "await" : "using")) {
      return false;
    }
    skipWhiteSpace.lastIndex = this.pos;
    var skip = skipWhiteSpace.exec(this.input);
    var next = this.pos + skip[0].length;
    if (lineBreak.test(this.input.slice(this.pos, next))) {
      return false;
    }
    if (isAwaitUsing) {
      var usingEndPos = next + 5, after;
      if (this.input.slice(next, usingEndPos) !== "using" || usingEndPos === this.input.length || isIdentifierChar(after = this.fullCharCodeAt(usingEndPos)) || after === 92) {
        return false;
      }
      skipWhiteSpace.lastIndex = usingEndPos;
      var skipAfterUsing = skipWhiteSpace.exec(this.input);
      next = usingEndPos + skipAfterUsing[0].length;
      if (skipAfterUsing && lineBreak.test(this.input.slice(usingEndPos, next))) {
        return false;
      }
    }
    var ch = this.fullCharCodeAt(next);
    if (!isIdentifierStart(ch) && ch !== 92) {
      return false;
    }
    var idStart = next;
    do {
      next += ch <= 65535 ? 1 : 2;
    } while (isIdentifierChar(ch = this.fullCharCodeAt(next)));
    if (ch === 92) {
      return true;
    }
    var id = this.input.slice(idStart, next);
    if (keywordRelationalOperator.test(id)) {
      return false;
    }
    if (isFor && !isAwaitUsing && id === "of") {
      skipWhiteSpace.lastIndex = next;
      var skipAfterOf = skipWhiteSpace.exec(this.input);
      next = next + skipAfterOf[0].length;
      if (this.input.charCodeAt(next) !== 61 || // Check for ==, === and => operators
      (ch = this.input.charCodeAt(next + 1)) === 61 || ch === 62) {
        return false;
      }
    }
    return true;
  };
  pp$8.isAwaitUsing = function(isFor) {
    return this.isUsingKeyword(true, isFor);
  };
  pp$8.isUsing = function(isFor) {
    return this.isUsingKeyword(false, isFor);
  };
  pp$8.parseStatement = function(context, topLevel, exports$1) {
    var starttype = this.type, node = this.startNode(), kind;
    if (this.isLet(context)) {
      starttype = types$1._var;
      kind = "let";
    }
    switch (starttype) {
      case types$1._break:
      case types$1._continue:
        return this.parseBreakContinueStatement(node, starttype.keyword);
      case types$1._debugger:
        return this.parseDebuggerStatement(node);
      case types$1._do:
        return this.parseDoStatement(node);
      case types$1._for:
        return this.parseForStatement(node);
      case types$1._function:
        if (context && (this.strict || context !== "if" && context !== "label") && this.options.ecmaVersion >= 6) {
          this.unexpected();
        }
        return this.parseFunctionStatement(node, false, !context);
      case types$1._class:
        if (context) {
          this.unexpected();
        }
        return this.parseClass(node, true);
      case types$1._if:
        return this.parseIfStatement(node);
      case types$1._return:
        return this.parseReturnStatement(node);
      case types$1._switch:
        return this.parseSwitchStatement(node);
      case types$1._throw:
        return this.parseThrowStatement(node);
      case types$1._try:
        return this.parseTryStatement(node);
      case types$1._const:
      case types$1._var:
        kind = kind || this.value;
        if (context && kind !== "var") {
          this.unexpected();
        }
        return this.parseVarStatement(node, kind);
      case types$1._while:
        return this.parseWhileStatement(node);
      case types$1._with:
        return this.parseWithStatement(node);
      case types$1.braceL:
        return this.parseBlock(true, node);
      case types$1.semi:
        return this.parseEmptyStatement(node);
      case types$1._export:
      case types$1._import:
        if (this.options.ecmaVersion > 10 && starttype === types$1._import) {
          skipWhiteSpace.lastIndex = this.pos;
          var skip = skipWhiteSpace.exec(this.input);
          var next = this.pos + skip[0].length, nextCh = this.input.charCodeAt(next);
          if (nextCh === 40 || nextCh === 46) {
            return this.parseExpressionStatement(node, this.parseExpression());
          }
        }
        if (!this.options.allowImportExportEverywhere) {
          if (!topLevel) {
            this.raise(this.start, "'import' and 'export' may only appear at the top level");
          }
          if (!this.inModule) {
            this.raise(this.start, "'import' and 'export' may appear only with 'sourceType: module'");
          }
        }
        return starttype === types$1._import ? this.parseImport(node) : this.parseExport(node, exports$1);
      // If the statement does not start with a statement keyword or a
      // brace, it's an ExpressionStatement or LabeledStatement. We
      // simply start parsing an expression, and afterwards, if the
      // next token is a colon and the expression was a simple
      // Identifier node, we switch to interpreting it as a label.
      default:
        if (this.isAsyncFunction()) {
          if (context) {
            this.unexpected();
          }
          this.next();
          return this.parseFunctionStatement(node, true, !context);
        }
        var usingKind = this.isAwaitUsing(false) ? "await using" : this.isUsing(false) ? "using" : null;
        if (usingKind) {
          if (!this.allowUsing) {
            this.raise(this.start, "Using declaration cannot appear in the top level when source type is `script` or in the bare case statement");
          }
          if (context) {
            this.raise(this.start, "Using declaration is not allowed in single-statement positions");
          }
          if (usingKind === "await using") {
            if (!this.canAwait) {
              this.raise(this.start, "Await using cannot appear outside of async function");
            }
            this.next();
          }
          this.next();
          this.parseVar(node, false, usingKind);
          this.semicolon();
          return this.finishNode(node, "VariableDeclaration");
        }
        var maybeName = this.value, expr = this.parseExpression();
        if (starttype === types$1.name && expr.type === "Identifier" && this.eat(types$1.colon)) {
          return this.parseLabeledStatement(node, maybeName, expr, context);
        } else {
          return this.parseExpressionStatement(node, expr);
        }
    }
  };
  pp$8.parseBreakContinueStatement = function(node, keyword) {
    var isBreak = keyword === "break";
    this.next();
    if (this.eat(types$1.semi) || this.insertSemicolon()) {
      node.label = null;
    } else if (this.type !== types$1.name) {
      this.unexpected();
    } else {
      node.label = this.parseIdent();
      this.semicolon();
    }
    var i2 = 0;
    for (; i2 < this.labels.length; ++i2) {
      var lab = this.labels[i2];
      if (node.label == null || lab.name === node.label.name) {
        if (lab.kind != null && (isBreak || lab.kind === "loop")) {
          break;
        }
        if (node.label && isBreak) {
          break;
        }
      }
    }
    if (i2 === this.labels.length) {
      this.raise(node.start, "Unsyntactic " + keyword);
    }
    return this.finishNode(node, isBreak ? "BreakStatement" : "ContinueStatement");
  };
  pp$8.parseDebuggerStatement = function(node) {
    this.next();
    this.semicolon();
    return this.finishNode(node, "DebuggerStatement");
  };
  pp$8.parseDoStatement = function(node) {
    this.next();
    this.labels.push(loopLabel);
    node.body = this.parseStatement("do");
    this.labels.pop();
    this.expect(types$1._while);
    node.test = this.parseParenExpression();
    if (this.options.ecmaVersion >= 6) {
      this.eat(types$1.semi);
    } else {
      this.semicolon();
    }
    return this.finishNode(node, "DoWhileStatement");
  };
  pp$8.parseForStatement = function(node) {
    this.next();
    var awaitAt = this.options.ecmaVersion >= 9 && this.canAwait && this.eatContextual("await") ? this.lastTokStart : -1;
    this.labels.push(loopLabel);
    this.enterScope(0);
    this.expect(types$1.parenL);
    if (this.type === types$1.semi) {
      if (awaitAt > -1) {
        this.unexpected(awaitAt);
      }
      return this.parseFor(node, null);
    }
    var isLet = this.isLet();
    if (this.type === types$1._var || this.type === types$1._const || isLet) {
      var init$1 = this.startNode(), kind = isLet ? "let" : this.value;
      this.next();
      this.parseVar(init$1, true, kind);
      this.finishNode(init$1, "VariableDeclaration");
      return this.parseForAfterInit(node, init$1, awaitAt);
    }
    var startsWithLet = this.isContextual("let"), isForOf = false;
    var usingKind = this.isUsing(true) ? "using" : this.isAwaitUsing(true) ? "await using" : null;
    if (usingKind) {
      var init$2 = this.startNode();
      this.next();
      if (usingKind === "await using") {
        if (!this.canAwait) {
          this.raise(this.start, "Await using cannot appear outside of async function");
        }
        this.next();
      }
      this.parseVar(init$2, true, usingKind);
      this.finishNode(init$2, "VariableDeclaration");
      return this.parseForAfterInit(node, init$2, awaitAt);
    }
    var containsEsc = this.containsEsc;
    var refDestructuringErrors = new DestructuringErrors();
    var initPos = this.start;
    var init = awaitAt > -1 ? this.parseExprSubscripts(refDestructuringErrors, "await") : this.parseExpression(true, refDestructuringErrors);
    if (this.type === types$1._in || (isForOf = this.options.ecmaVersion >= 6 && this.isContextual("of"))) {
      if (awaitAt > -1) {
        if (this.type === types$1._in) {
          this.unexpected(awaitAt);
        }
        node.await = true;
      } else if (isForOf && this.options.ecmaVersion >= 8) {
        if (init.start === initPos && !containsEsc && init.type === "Identifier" && init.name === "async") {
          this.unexpected();
        } else if (this.options.ecmaVersion >= 9) {
          node.await = false;
        }
      }
      if (startsWithLet && isForOf) {
        this.raise(init.start, "The left-hand side of a for-of loop may not start with 'let'.");
      }
      this.toAssignable(init, false, refDestructuringErrors);
      this.checkLValPattern(init);
      return this.parseForIn(node, init);
    } else {
      this.checkExpressionErrors(refDestructuringErrors, true);
    }
    if (awaitAt > -1) {
      this.unexpected(awaitAt);
    }
    return this.parseFor(node, init);
  };
  pp$8.parseForAfterInit = function(node, init, awaitAt) {
    if ((this.type === types$1._in || this.options.ecmaVersion >= 6 && this.isContextual("of")) && init.declarations.length === 1) {
      if (this.type === types$1._in) {
        if ((init.kind === "using" || init.kind === "await using") && !init.declarations[0].init) {
          this.raise(this.start, "Using declaration is not allowed in for-in loops");
        }
        if (this.options.ecmaVersion >= 9 && awaitAt > -1) {
          this.unexpected(awaitAt);
        }
      } else if (this.options.ecmaVersion >= 9) {
        node.await = awaitAt > -1;
      }
      return this.parseForIn(node, init);
    }
    if (awaitAt > -1) {
      this.unexpected(awaitAt);
    }
    return this.parseFor(node, init);
  };
  pp$8.parseFunctionStatement = function(node, isAsync, declarationPosition) {
    this.next();
    return this.parseFunction(node, FUNC_STATEMENT | (declarationPosition ? 0 : FUNC_HANGING_STATEMENT), false, isAsync);
  };
  pp$8.parseIfStatement = function(node) {
    this.next();
    node.test = this.parseParenExpression();
    node.consequent = this.parseStatement("if");
    node.alternate = this.eat(types$1._else) ? this.parseStatement("if") : null;
    return this.finishNode(node, "IfStatement");
  };
  pp$8.parseReturnStatement = function(node) {
    if (!this.allowReturn) {
      this.raise(this.start, "'return' outside of function");
    }
    this.next();
    if (this.eat(types$1.semi) || this.insertSemicolon()) {
      node.argument = null;
    } else {
      node.argument = this.parseExpression();
      this.semicolon();
    }
    return this.finishNode(node, "ReturnStatement");
  };
  pp$8.parseSwitchStatement = function(node) {
    this.next();
    node.discriminant = this.parseParenExpression();
    node.cases = [];
    this.expect(types$1.braceL);
    this.labels.push(switchLabel);
    this.enterScope(SCOPE_SWITCH);
    var cur;
    for (var sawDefault = false; this.type !== types$1.braceR; ) {
      if (this.type === types$1._case || this.type === types$1._default) {
        var isCase = this.type === types$1._case;
        if (cur) {
          this.finishNode(cur, "SwitchCase");
        }
        node.cases.push(cur = this.startNode());
        cur.consequent = [];
        this.next();
        if (isCase) {
          cur.test = this.parseExpression();
        } else {
          if (sawDefault) {
            this.raiseRecoverable(this.lastTokStart, "Multiple default clauses");
          }
          sawDefault = true;
          cur.test = null;
        }
        this.expect(types$1.colon);
      } else {
        if (!cur) {
          this.unexpected();
        }
        cur.consequent.push(this.parseStatement(null));
      }
    }
    this.exitScope();
    if (cur) {
      this.finishNode(cur, "SwitchCase");
    }
    this.next();
    this.labels.pop();
    return this.finishNode(node, "SwitchStatement");
  };
  pp$8.parseThrowStatement = function(node) {
    this.next();
    if (lineBreak.test(this.input.slice(this.lastTokEnd, this.start))) {
      this.raise(this.lastTokEnd, "Illegal newline after throw");
    }
    node.argument = this.parseExpression();
    this.semicolon();
    return this.finishNode(node, "ThrowStatement");
  };
  var empty$1 = [];
  pp$8.parseCatchClauseParam = function() {
    var param = this.parseBindingAtom();
    var simple = param.type === "Identifier";
    this.enterScope(simple ? SCOPE_SIMPLE_CATCH : 0);
    this.checkLValPattern(param, simple ? BIND_SIMPLE_CATCH : BIND_LEXICAL);
    this.expect(types$1.parenR);
    return param;
  };
  pp$8.parseTryStatement = function(node) {
    this.next();
    node.block = this.parseBlock();
    node.handler = null;
    if (this.type === types$1._catch) {
      var clause = this.startNode();
      this.next();
      if (this.eat(types$1.parenL)) {
        clause.param = this.parseCatchClauseParam();
      } else {
        if (this.options.ecmaVersion < 10) {
          this.unexpected();
        }
        clause.param = null;
        this.enterScope(0);
      }
      clause.body = this.parseBlock(false);
      this.exitScope();
      node.handler = this.finishNode(clause, "CatchClause");
    }
    node.finalizer = this.eat(types$1._finally) ? this.parseBlock() : null;
    if (!node.handler && !node.finalizer) {
      this.raise(node.start, "Missing catch or finally clause");
    }
    return this.finishNode(node, "TryStatement");
  };
  pp$8.parseVarStatement = function(node, kind, allowMissingInitializer) {
    this.next();
    this.parseVar(node, false, kind, allowMissingInitializer);
    this.semicolon();
    return this.finishNode(node, "VariableDeclaration");
  };
  pp$8.parseWhileStatement = function(node) {
    this.next();
    node.test = this.parseParenExpression();
    this.labels.push(loopLabel);
    node.body = this.parseStatement("while");
    this.labels.pop();
    return this.finishNode(node, "WhileStatement");
  };
  pp$8.parseWithStatement = function(node) {
    if (this.strict) {
      this.raise(this.start, "'with' in strict mode");
    }
    this.next();
    node.object = this.parseParenExpression();
    node.body = this.parseStatement("with");
    return this.finishNode(node, "WithStatement");
  };
  pp$8.parseEmptyStatement = function(node) {
    this.next();
    return this.finishNode(node, "EmptyStatement");
  };
  pp$8.parseLabeledStatement = function(node, maybeName, expr, context) {
    for (var i$1 = 0, list2 = this.labels; i$1 < list2.length; i$1 += 1) {
      var label = list2[i$1];
      if (label.name === maybeName) {
        this.raise(expr.start, "Label '" + maybeName + "' is already declared");
      }
    }
    var kind = this.type.isLoop ? "loop" : this.type === types$1._switch ? "switch" : null;
    for (var i2 = this.labels.length - 1; i2 >= 0; i2--) {
      var label$1 = this.labels[i2];
      if (label$1.statementStart === node.start) {
        label$1.statementStart = this.start;
        label$1.kind = kind;
      } else {
        break;
      }
    }
    this.labels.push({ name: maybeName, kind, statementStart: this.start });
    node.body = this.parseStatement(context ? context.indexOf("label") === -1 ? context + "label" : context : "label");
    this.labels.pop();
    node.label = expr;
    return this.finishNode(node, "LabeledStatement");
  };
  pp$8.parseExpressionStatement = function(node, expr) {
    node.expression = expr;
    this.semicolon();
    return this.finishNode(node, "ExpressionStatement");
  };
  pp$8.parseBlock = function(createNewLexicalScope, node, exitStrict) {
    if (createNewLexicalScope === void 0) createNewLexicalScope = true;
    if (node === void 0) node = this.startNode();
    node.body = [];
    this.expect(types$1.braceL);
    if (createNewLexicalScope) {
      this.enterScope(0);
    }
    while (this.type !== types$1.braceR) {
      var stmt = this.parseStatement(null);
      node.body.push(stmt);
    }
    if (exitStrict) {
      this.strict = false;
    }
    this.next();
    if (createNewLexicalScope) {
      this.exitScope();
    }
    return this.finishNode(node, "BlockStatement");
  };
  pp$8.parseFor = function(node, init) {
    node.init = init;
    this.expect(types$1.semi);
    node.test = this.type === types$1.semi ? null : this.parseExpression();
    this.expect(types$1.semi);
    node.update = this.type === types$1.parenR ? null : this.parseExpression();
    this.expect(types$1.parenR);
    node.body = this.parseStatement("for");
    this.exitScope();
    this.labels.pop();
    return this.finishNode(node, "ForStatement");
  };
  pp$8.parseForIn = function(node, init) {
    var isForIn = this.type === types$1._in;
    this.next();
    if (init.type === "VariableDeclaration" && init.declarations[0].init != null && (!isForIn || this.options.ecmaVersion < 8 || this.strict || init.kind !== "var" || init.declarations[0].id.type !== "Identifier")) {
      this.raise(
        init.start,
        (isForIn ? "for-in" : "for-of") + " loop variable declaration may not have an initializer"
      );
    }
    node.left = init;
    node.right = isForIn ? this.parseExpression() : this.parseMaybeAssign();
    this.expect(types$1.parenR);
    node.body = this.parseStatement("for");
    this.exitScope();
    this.labels.pop();
    return this.finishNode(node, isForIn ? "ForInStatement" : "ForOfStatement");
  };
  pp$8.parseVar = function(node, isFor, kind, allowMissingInitializer) {
    node.declarations = [];
    node.kind = kind;
    for (; ; ) {
      var decl = this.startNode();
      this.parseVarId(decl, kind);
      if (this.eat(types$1.eq)) {
        decl.init = this.parseMaybeAssign(isFor);
      } else if (!allowMissingInitializer && kind === "const" && !(this.type === types$1._in || this.options.ecmaVersion >= 6 && this.isContextual("of"))) {
        this.unexpected();
      } else if (!allowMissingInitializer && (kind === "using" || kind === "await using") && this.options.ecmaVersion >= 17 && this.type !== types$1._in && !this.isContextual("of")) {
        this.raise(this.lastTokEnd, "Missing initializer in " + kind + " declaration");
      } else if (!allowMissingInitializer && decl.id.type !== "Identifier" && !(isFor && (this.type === types$1._in || this.isContextual("of")))) {
        this.raise(this.lastTokEnd, "Complex binding patterns require an initialization value");
      } else {
        decl.init = null;
      }
      node.declarations.push(this.finishNode(decl, "VariableDeclarator"));
      if (!this.eat(types$1.comma)) {
        break;
      }
    }
    return node;
  };
  pp$8.parseVarId = function(decl, kind) {
    decl.id = kind === "using" || kind === "await using" ? this.parseIdent() : this.parseBindingAtom();
    this.checkLValPattern(decl.id, kind === "var" ? BIND_VAR : BIND_LEXICAL, false);
  };
  var FUNC_STATEMENT = 1;
  var FUNC_HANGING_STATEMENT = 2;
  var FUNC_NULLABLE_ID = 4;
  pp$8.parseFunction = function(node, statement, allowExpressionBody, isAsync, forInit) {
    this.initFunction(node);
    if (this.options.ecmaVersion >= 9 || this.options.ecmaVersion >= 6 && !isAsync) {
      if (this.type === types$1.star && statement & FUNC_HANGING_STATEMENT) {
        this.unexpected();
      }
      node.generator = this.eat(types$1.star);
    }
    if (this.options.ecmaVersion >= 8) {
      node.async = !!isAsync;
    }
    if (statement & FUNC_STATEMENT) {
      node.id = statement & FUNC_NULLABLE_ID && this.type !== types$1.name ? null : this.parseIdent();
      if (node.id && !(statement & FUNC_HANGING_STATEMENT)) {
        this.checkLValSimple(node.id, this.strict || node.generator || node.async ? this.treatFunctionsAsVar ? BIND_VAR : BIND_LEXICAL : BIND_FUNCTION);
      }
    }
    var oldYieldPos = this.yieldPos, oldAwaitPos = this.awaitPos, oldAwaitIdentPos = this.awaitIdentPos;
    this.yieldPos = 0;
    this.awaitPos = 0;
    this.awaitIdentPos = 0;
    this.enterScope(functionFlags(node.async, node.generator));
    if (!(statement & FUNC_STATEMENT)) {
      node.id = this.type === types$1.name ? this.parseIdent() : null;
    }
    this.parseFunctionParams(node);
    this.parseFunctionBody(node, allowExpressionBody, false, forInit);
    this.yieldPos = oldYieldPos;
    this.awaitPos = oldAwaitPos;
    this.awaitIdentPos = oldAwaitIdentPos;
    return this.finishNode(node, statement & FUNC_STATEMENT ? "FunctionDeclaration" : "FunctionExpression");
  };
  pp$8.parseFunctionParams = function(node) {
    this.expect(types$1.parenL);
    node.params = this.parseBindingList(types$1.parenR, false, this.options.ecmaVersion >= 8);
    this.checkYieldAwaitInDefaultParams();
  };
  pp$8.parseClass = function(node, isStatement) {
    this.next();
    var oldStrict = this.strict;
    this.strict = true;
    this.parseClassId(node, isStatement);
    this.parseClassSuper(node);
    var privateNameMap = this.enterClassBody();
    var classBody = this.startNode();
    var hadConstructor = false;
    classBody.body = [];
    this.expect(types$1.braceL);
    while (this.type !== types$1.braceR) {
      var element = this.parseClassElement(node.superClass !== null);
      if (element) {
        classBody.body.push(element);
        if (element.type === "MethodDefinition" && element.kind === "constructor") {
          if (hadConstructor) {
            this.raiseRecoverable(element.start, "Duplicate constructor in the same class");
          }
          hadConstructor = true;
        } else if (element.key && element.key.type === "PrivateIdentifier" && isPrivateNameConflicted(privateNameMap, element)) {
          this.raiseRecoverable(element.key.start, "Identifier '#" + element.key.name + "' has already been declared");
        }
      }
    }
    this.strict = oldStrict;
    this.next();
    node.body = this.finishNode(classBody, "ClassBody");
    this.exitClassBody();
    return this.finishNode(node, isStatement ? "ClassDeclaration" : "ClassExpression");
  };
  pp$8.parseClassElement = function(constructorAllowsSuper) {
    if (this.eat(types$1.semi)) {
      return null;
    }
    var ecmaVersion2 = this.options.ecmaVersion;
    var node = this.startNode();
    var keyName = "";
    var isGenerator = false;
    var isAsync = false;
    var kind = "method";
    var isStatic = false;
    if (this.eatContextual("static")) {
      if (ecmaVersion2 >= 13 && this.eat(types$1.braceL)) {
        this.parseClassStaticBlock(node);
        return node;
      }
      if (this.isClassElementNameStart() || this.type === types$1.star) {
        isStatic = true;
      } else {
        keyName = "static";
      }
    }
    node.static = isStatic;
    if (!keyName && ecmaVersion2 >= 8 && this.eatContextual("async")) {
      if ((this.isClassElementNameStart() || this.type === types$1.star) && !this.canInsertSemicolon()) {
        isAsync = true;
      } else {
        keyName = "async";
      }
    }
    if (!keyName && (ecmaVersion2 >= 9 || !isAsync) && this.eat(types$1.star)) {
      isGenerator = true;
    }
    if (!keyName && !isAsync && !isGenerator) {
      var lastValue = this.value;
      if (this.eatContextual("get") || this.eatContextual("set")) {
        if (this.isClassElementNameStart()) {
          kind = lastValue;
        } else {
          keyName = lastValue;
        }
      }
    }
    if (keyName) {
      node.computed = false;
      node.key = this.startNodeAt(this.lastTokStart, this.lastTokStartLoc);
      node.key.name = keyName;
      this.finishNode(node.key, "Identifier");
    } else {
      this.parseClassElementName(node);
    }
    if (ecmaVersion2 < 13 || this.type === types$1.parenL || kind !== "method" || isGenerator || isAsync) {
      var isConstructor = !node.static && checkKeyName(node, "constructor");
      var allowsDirectSuper = isConstructor && constructorAllowsSuper;
      if (isConstructor && kind !== "method") {
        this.raise(node.key.start, "Constructor can't have get/set modifier");
      }
      node.kind = isConstructor ? "constructor" : kind;
      this.parseClassMethod(node, isGenerator, isAsync, allowsDirectSuper);
    } else {
      this.parseClassField(node);
    }
    return node;
  };
  pp$8.isClassElementNameStart = function() {
    return this.type === types$1.name || this.type === types$1.privateId || this.type === types$1.num || this.type === types$1.string || this.type === types$1.bracketL || this.type.keyword;
  };
  pp$8.parseClassElementName = function(element) {
    if (this.type === types$1.privateId) {
      if (this.value === "constructor") {
        this.raise(this.start, "Classes can't have an element named '#constructor'");
      }
      element.computed = false;
      element.key = this.parsePrivateIdent();
    } else {
      this.parsePropertyName(element);
    }
  };
  pp$8.parseClassMethod = function(method, isGenerator, isAsync, allowsDirectSuper) {
    var key = method.key;
    if (method.kind === "constructor") {
      if (isGenerator) {
        this.raise(key.start, "Constructor can't be a generator");
      }
      if (isAsync) {
        this.raise(key.start, "Constructor can't be an async method");
      }
    } else if (method.static && checkKeyName(method, "prototype")) {
      this.raise(key.start, "Classes may not have a static property named prototype");
    }
    var value = method.value = this.parseMethod(isGenerator, isAsync, allowsDirectSuper);
    if (method.kind === "get" && value.params.length !== 0) {
      this.raiseRecoverable(value.start, "getter should have no params");
    }
    if (method.kind === "set" && value.params.length !== 1) {
      this.raiseRecoverable(value.start, "setter should have exactly one param");
    }
    if (method.kind === "set" && value.params[0].type === "RestElement") {
      this.raiseRecoverable(value.params[0].start, "Setter cannot use rest params");
    }
    return this.finishNode(method, "MethodDefinition");
  };
  pp$8.parseClassField = function(field) {
    if (checkKeyName(field, "constructor")) {
      this.raise(field.key.start, "Classes can't have a field named 'constructor'");
    } else if (field.static && checkKeyName(field, "prototype")) {
      this.raise(field.key.start, "Classes can't have a static field named 'prototype'");
    }
    if (this.eat(types$1.eq)) {
      this.enterScope(SCOPE_CLASS_FIELD_INIT | SCOPE_SUPER);
      field.value = this.parseMaybeAssign();
      this.exitScope();
    } else {
      field.value = null;
    }
    this.semicolon();
    return this.finishNode(field, "PropertyDefinition");
  };
  pp$8.parseClassStaticBlock = function(node) {
    node.body = [];
    var oldLabels = this.labels;
    this.labels = [];
    this.enterScope(SCOPE_CLASS_STATIC_BLOCK | SCOPE_SUPER);
    while (this.type !== types$1.braceR) {
      var stmt = this.parseStatement(null);
      node.body.push(stmt);
    }
    this.next();
    this.exitScope();
    this.labels = oldLabels;
    return this.finishNode(node, "StaticBlock");
  };
  pp$8.parseClassId = function(node, isStatement) {
    if (this.type === types$1.name) {
      node.id = this.parseIdent();
      if (isStatement) {
        this.checkLValSimple(node.id, BIND_LEXICAL, false);
      }
    } else {
      if (isStatement === true) {
        this.unexpected();
      }
      node.id = null;
    }
  };
  pp$8.parseClassSuper = function(node) {
    node.superClass = this.eat(types$1._extends) ? this.parseExprSubscripts(null, false) : null;
  };
  pp$8.enterClassBody = function() {
    var element = { declared: /* @__PURE__ */ Object.create(null), used: [] };
    this.privateNameStack.push(element);
    return element.declared;
  };
  pp$8.exitClassBody = function() {
    var ref2 = this.privateNameStack.pop();
    var declared = ref2.declared;
    var used = ref2.used;
    if (!this.options.checkPrivateFields) {
      return;
    }
    var len = this.privateNameStack.length;
    var parent = len === 0 ? null : this.privateNameStack[len - 1];
    for (var i2 = 0; i2 < used.length; ++i2) {
      var id = used[i2];
      if (!hasOwn(declared, id.name)) {
        if (parent) {
          parent.used.push(id);
        } else {
          this.raiseRecoverable(id.start, "Private field '#" + id.name + "' must be declared in an enclosing class");
        }
      }
    }
  };
  function isPrivateNameConflicted(privateNameMap, element) {
    var name = element.key.name;
    var curr = privateNameMap[name];
    var next = "true";
    if (element.type === "MethodDefinition" && (element.kind === "get" || element.kind === "set")) {
      next = (element.static ? "s" : "i") + element.kind;
    }
    if (curr === "iget" && next === "iset" || curr === "iset" && next === "iget" || curr === "sget" && next === "sset" || curr === "sset" && next === "sget") {
      privateNameMap[name] = "true";
      return false;
    } else if (!curr) {
      privateNameMap[name] = next;
      return false;
    } else {
      return true;
    }
  }
  function checkKeyName(node, name) {
    var computed = node.computed;
    var key = node.key;
    return !computed && (key.type === "Identifier" && key.name === name || key.type === "Literal" && key.value === name);
  }
  pp$8.parseExportAllDeclaration = function(node, exports$1) {
    if (this.options.ecmaVersion >= 11) {
      if (this.eatContextual("as")) {
        node.exported = this.parseModuleExportName();
        this.checkExport(exports$1, node.exported, this.lastTokStart);
      } else {
        node.exported = null;
      }
    }
    this.expectContextual("from");
    if (this.type !== types$1.string) {
      this.unexpected();
    }
    node.source = this.parseExprAtom();
    if (this.options.ecmaVersion >= 16) {
      node.attributes = this.parseWithClause();
    }
    this.semicolon();
    return this.finishNode(node, "ExportAllDeclaration");
  };
  pp$8.parseExport = function(node, exports$1) {
    this.next();
    if (this.eat(types$1.star)) {
      return this.parseExportAllDeclaration(node, exports$1);
    }
    if (this.eat(types$1._default)) {
      this.checkExport(exports$1, "default", this.lastTokStart);
      node.declaration = this.parseExportDefaultDeclaration();
      return this.finishNode(node, "ExportDefaultDeclaration");
    }
    if (this.shouldParseExportStatement()) {
      node.declaration = this.parseExportDeclaration(node);
      if (node.declaration.type === "VariableDeclaration") {
        this.checkVariableExport(exports$1, node.declaration.declarations);
      } else {
        this.checkExport(exports$1, node.declaration.id, node.declaration.id.start);
      }
      node.specifiers = [];
      node.source = null;
      if (this.options.ecmaVersion >= 16) {
        node.attributes = [];
      }
    } else {
      node.declaration = null;
      node.specifiers = this.parseExportSpecifiers(exports$1);
      if (this.eatContextual("from")) {
        if (this.type !== types$1.string) {
          this.unexpected();
        }
        node.source = this.parseExprAtom();
        if (this.options.ecmaVersion >= 16) {
          node.attributes = this.parseWithClause();
        }
      } else {
        for (var i2 = 0, list2 = node.specifiers; i2 < list2.length; i2 += 1) {
          var spec = list2[i2];
          this.checkUnreserved(spec.local);
          this.checkLocalExport(spec.local);
          if (spec.local.type === "Literal") {
            this.raise(spec.local.start, "A string literal cannot be used as an exported binding without `from`.");
          }
        }
        node.source = null;
        if (this.options.ecmaVersion >= 16) {
          node.attributes = [];
        }
      }
      this.semicolon();
    }
    return this.finishNode(node, "ExportNamedDeclaration");
  };
  pp$8.parseExportDeclaration = function(node) {
    return this.parseStatement(null);
  };
  pp$8.parseExportDefaultDeclaration = function() {
    var isAsync;
    if (this.type === types$1._function || (isAsync = this.isAsyncFunction())) {
      var fNode = this.startNode();
      this.next();
      if (isAsync) {
        this.next();
      }
      return this.parseFunction(fNode, FUNC_STATEMENT | FUNC_NULLABLE_ID, false, isAsync);
    } else if (this.type === types$1._class) {
      var cNode = this.startNode();
      return this.parseClass(cNode, "nullableID");
    } else {
      var declaration = this.parseMaybeAssign();
      this.semicolon();
      return declaration;
    }
  };
  pp$8.checkExport = function(exports$1, name, pos) {
    if (!exports$1) {
      return;
    }
    if (typeof name !== "string") {
      name = name.type === "Identifier" ? name.name : name.value;
    }
    if (hasOwn(exports$1, name)) {
      this.raiseRecoverable(pos, "Duplicate export '" + name + "'");
    }
    exports$1[name] = true;
  };
  pp$8.checkPatternExport = function(exports$1, pat) {
    var type = pat.type;
    if (type === "Identifier") {
      this.checkExport(exports$1, pat, pat.start);
    } else if (type === "ObjectPattern") {
      for (var i2 = 0, list2 = pat.properties; i2 < list2.length; i2 += 1) {
        var prop = list2[i2];
        this.checkPatternExport(exports$1, prop);
      }
    } else if (type === "ArrayPattern") {
      for (var i$1 = 0, list$1 = pat.elements; i$1 < list$1.length; i$1 += 1) {
        var elt = list$1[i$1];
        if (elt) {
          this.checkPatternExport(exports$1, elt);
        }
      }
    } else if (type === "Property") {
      this.checkPatternExport(exports$1, pat.value);
    } else if (type === "AssignmentPattern") {
      this.checkPatternExport(exports$1, pat.left);
    } else if (type === "RestElement") {
      this.checkPatternExport(exports$1, pat.argument);
    }
  };
  pp$8.checkVariableExport = function(exports$1, decls) {
    if (!exports$1) {
      return;
    }
    for (var i2 = 0, list2 = decls; i2 < list2.length; i2 += 1) {
      var decl = list2[i2];
      this.checkPatternExport(exports$1, decl.id);
    }
  };
  pp$8.shouldParseExportStatement = function() {
    return this.type.keyword === "var" || this.type.keyword === "const" || this.type.keyword === "class" || this.type.keyword === "function" || this.isLet() || this.isAsyncFunction();
  };
  pp$8.parseExportSpecifier = function(exports$1) {
    var node = this.startNode();
    node.local = this.parseModuleExportName();
    node.exported = this.eatContextual("as") ? this.parseModuleExportName() : node.local;
    this.checkExport(
      exports$1,
      node.exported,
      node.exported.start
    );
    return this.finishNode(node, "ExportSpecifier");
  };
  pp$8.parseExportSpecifiers = function(exports$1) {
    var nodes = [], first = true;
    this.expect(types$1.braceL);
    while (!this.eat(types$1.braceR)) {
      if (!first) {
        this.expect(types$1.comma);
        if (this.afterTrailingComma(types$1.braceR)) {
          break;
        }
      } else {
        first = false;
      }
      nodes.push(this.parseExportSpecifier(exports$1));
    }
    return nodes;
  };
  pp$8.parseImport = function(node) {
    this.next();
    if (this.type === types$1.string) {
      node.specifiers = empty$1;
      node.source = this.parseExprAtom();
    } else {
      node.specifiers = this.parseImportSpecifiers();
      this.expectContextual("from");
      node.source = this.type === types$1.string ? this.parseExprAtom() : this.unexpected();
    }
    if (this.options.ecmaVersion >= 16) {
      node.attributes = this.parseWithClause();
    }
    this.semicolon();
    return this.finishNode(node, "ImportDeclaration");
  };
  pp$8.parseImportSpecifier = function() {
    var node = this.startNode();
    node.imported = this.parseModuleExportName();
    if (this.eatContextual("as")) {
      node.local = this.parseIdent();
    } else {
      this.checkUnreserved(node.imported);
      node.local = node.imported;
    }
    this.checkLValSimple(node.local, BIND_LEXICAL);
    return this.finishNode(node, "ImportSpecifier");
  };
  pp$8.parseImportDefaultSpecifier = function() {
    var node = this.startNode();
    node.local = this.parseIdent();
    this.checkLValSimple(node.local, BIND_LEXICAL);
    return this.finishNode(node, "ImportDefaultSpecifier");
  };
  pp$8.parseImportNamespaceSpecifier = function() {
    var node = this.startNode();
    this.next();
    this.expectContextual("as");
    node.local = this.parseIdent();
    this.checkLValSimple(node.local, BIND_LEXICAL);
    return this.finishNode(node, "ImportNamespaceSpecifier");
  };
  pp$8.parseImportSpecifiers = function() {
    var nodes = [], first = true;
    if (this.type === types$1.name) {
      nodes.push(this.parseImportDefaultSpecifier());
      if (!this.eat(types$1.comma)) {
        return nodes;
      }
    }
    if (this.type === types$1.star) {
      nodes.push(this.parseImportNamespaceSpecifier());
      return nodes;
    }
    this.expect(types$1.braceL);
    while (!this.eat(types$1.braceR)) {
      if (!first) {
        this.expect(types$1.comma);
        if (this.afterTrailingComma(types$1.braceR)) {
          break;
        }
      } else {
        first = false;
      }
      nodes.push(this.parseImportSpecifier());
    }
    return nodes;
  };
  pp$8.parseWithClause = function() {
    var nodes = [];
    if (!this.eat(types$1._with)) {
      return nodes;
    }
    this.expect(types$1.braceL);
    var attributeKeys = {};
    var first = true;
    while (!this.eat(types$1.braceR)) {
      if (!first) {
        this.expect(types$1.comma);
        if (this.afterTrailingComma(types$1.braceR)) {
          break;
        }
      } else {
        first = false;
      }
      var attr = this.parseImportAttribute();
      var keyName = attr.key.type === "Identifier" ? attr.key.name : attr.key.value;
      if (hasOwn(attributeKeys, keyName)) {
        this.raiseRecoverable(attr.key.start, "Duplicate attribute key '" + keyName + "'");
      }
      attributeKeys[keyName] = true;
      nodes.push(attr);
    }
    return nodes;
  };
  pp$8.parseImportAttribute = function() {
    var node = this.startNode();
    node.key = this.type === types$1.string ? this.parseExprAtom() : this.parseIdent(this.options.allowReserved !== "never");
    this.expect(types$1.colon);
    if (this.type !== types$1.string) {
      this.unexpected();
    }
    node.value = this.parseExprAtom();
    return this.finishNode(node, "ImportAttribute");
  };
  pp$8.parseModuleExportName = function() {
    if (this.options.ecmaVersion >= 13 && this.type === types$1.string) {
      var stringLiteral = this.parseLiteral(this.value);
      if (loneSurrogate.test(stringLiteral.value)) {
        this.raise(stringLiteral.start, "An export name cannot include a lone surrogate.");
      }
      return stringLiteral;
    }
    return this.parseIdent(true);
  };
  pp$8.adaptDirectivePrologue = function(statements) {
    for (var i2 = 0; i2 < statements.length && this.isDirectiveCandidate(statements[i2]); ++i2) {
      statements[i2].directive = statements[i2].expression.raw.slice(1, -1);
    }
  };
  pp$8.isDirectiveCandidate = function(statement) {
    return this.options.ecmaVersion >= 5 && statement.type === "ExpressionStatement" && statement.expression.type === "Literal" && typeof statement.expression.value === "string" && // Reject parenthesized strings.
    (this.input[statement.start] === '"' || this.input[statement.start] === "'");
  };
  var pp$7 = Parser.prototype;
  pp$7.toAssignable = function(node, isBinding, refDestructuringErrors) {
    if (this.options.ecmaVersion >= 6 && node) {
      switch (node.type) {
        case "Identifier":
          if (this.inAsync && node.name === "await") {
            this.raise(node.start, "Cannot use 'await' as identifier inside an async function");
          }
          break;
        case "ObjectPattern":
        case "ArrayPattern":
        case "AssignmentPattern":
        case "RestElement":
          break;
        case "ObjectExpression":
          node.type = "ObjectPattern";
          if (refDestructuringErrors) {
            this.checkPatternErrors(refDestructuringErrors, true);
          }
          for (var i2 = 0, list2 = node.properties; i2 < list2.length; i2 += 1) {
            var prop = list2[i2];
            this.toAssignable(prop, isBinding);
            if (prop.type === "RestElement" && (prop.argument.type === "ArrayPattern" || prop.argument.type === "ObjectPattern")) {
              this.raise(prop.argument.start, "Unexpected token");
            }
          }
          break;
        case "Property":
          if (node.kind !== "init") {
            this.raise(node.key.start, "Object pattern can't contain getter or setter");
          }
          this.toAssignable(node.value, isBinding);
          break;
        case "ArrayExpression":
          node.type = "ArrayPattern";
          if (refDestructuringErrors) {
            this.checkPatternErrors(refDestructuringErrors, true);
          }
          this.toAssignableList(node.elements, isBinding);
          break;
        case "SpreadElement":
          node.type = "RestElement";
          this.toAssignable(node.argument, isBinding);
          if (node.argument.type === "AssignmentPattern") {
            this.raise(node.argument.start, "Rest elements cannot have a default value");
          }
          break;
        case "AssignmentExpression":
          if (node.operator !== "=") {
            this.raise(node.left.end, "Only '=' operator can be used for specifying default value.");
          }
          node.type = "AssignmentPattern";
          delete node.operator;
          this.toAssignable(node.left, isBinding);
          break;
        case "ParenthesizedExpression":
          this.toAssignable(node.expression, isBinding, refDestructuringErrors);
          break;
        case "ChainExpression":
          this.raiseRecoverable(node.start, "Optional chaining cannot appear in left-hand side");
          break;
        case "MemberExpression":
          if (!isBinding) {
            break;
          }
        default:
          this.raise(node.start, "Assigning to rvalue");
      }
    } else if (refDestructuringErrors) {
      this.checkPatternErrors(refDestructuringErrors, true);
    }
    return node;
  };
  pp$7.toAssignableList = function(exprList, isBinding) {
    var end = exprList.length;
    for (var i2 = 0; i2 < end; i2++) {
      var elt = exprList[i2];
      if (elt) {
        this.toAssignable(elt, isBinding);
      }
    }
    if (end) {
      var last = exprList[end - 1];
      if (this.options.ecmaVersion === 6 && isBinding && last && last.type === "RestElement" && last.argument.type !== "Identifier") {
        this.unexpected(last.argument.start);
      }
    }
    return exprList;
  };
  pp$7.parseSpread = function(refDestructuringErrors) {
    var node = this.startNode();
    this.next();
    node.argument = this.parseMaybeAssign(false, refDestructuringErrors);
    return this.finishNode(node, "SpreadElement");
  };
  pp$7.parseRestBinding = function() {
    var node = this.startNode();
    this.next();
    if (this.options.ecmaVersion === 6 && this.type !== types$1.name) {
      this.unexpected();
    }
    node.argument = this.parseBindingAtom();
    return this.finishNode(node, "RestElement");
  };
  pp$7.parseBindingAtom = function() {
    if (this.options.ecmaVersion >= 6) {
      switch (this.type) {
        case types$1.bracketL:
          var node = this.startNode();
          this.next();
          node.elements = this.parseBindingList(types$1.bracketR, true, true);
          return this.finishNode(node, "ArrayPattern");
        case types$1.braceL:
          return this.parseObj(true);
      }
    }
    return this.parseIdent();
  };
  pp$7.parseBindingList = function(close, allowEmpty, allowTrailingComma, allowModifiers) {
    var elts = [], first = true;
    while (!this.eat(close)) {
      if (first) {
        first = false;
      } else {
        this.expect(types$1.comma);
      }
      if (allowEmpty && this.type === types$1.comma) {
        elts.push(null);
      } else if (allowTrailingComma && this.afterTrailingComma(close)) {
        break;
      } else if (this.type === types$1.ellipsis) {
        var rest = this.parseRestBinding();
        this.parseBindingListItem(rest);
        elts.push(rest);
        if (this.type === types$1.comma) {
          this.raiseRecoverable(this.start, "Comma is not permitted after the rest element");
        }
        this.expect(close);
        break;
      } else {
        elts.push(this.parseAssignableListItem(allowModifiers));
      }
    }
    return elts;
  };
  pp$7.parseAssignableListItem = function(allowModifiers) {
    var elem = this.parseMaybeDefault(this.start, this.startLoc);
    this.parseBindingListItem(elem);
    return elem;
  };
  pp$7.parseBindingListItem = function(param) {
    return param;
  };
  pp$7.parseMaybeDefault = function(startPos, startLoc, left) {
    left = left || this.parseBindingAtom();
    if (this.options.ecmaVersion < 6 || !this.eat(types$1.eq)) {
      return left;
    }
    var node = this.startNodeAt(startPos, startLoc);
    node.left = left;
    node.right = this.parseMaybeAssign();
    return this.finishNode(node, "AssignmentPattern");
  };
  pp$7.checkLValSimple = function(expr, bindingType, checkClashes) {
    if (bindingType === void 0) bindingType = BIND_NONE;
    var isBind = bindingType !== BIND_NONE;
    switch (expr.type) {
      case "Identifier":
        if (this.strict && this.reservedWordsStrictBind.test(expr.name)) {
          this.raiseRecoverable(expr.start, (isBind ? "Binding " : "Assigning to ") + expr.name + " in strict mode");
        }
        if (isBind) {
          if (bindingType === BIND_LEXICAL && expr.name === "let") {
            this.raiseRecoverable(expr.start, "let is disallowed as a lexically bound name");
          }
          if (checkClashes) {
            if (hasOwn(checkClashes, expr.name)) {
              this.raiseRecoverable(expr.start, "Argument name clash");
            }
            checkClashes[expr.name] = true;
          }
          if (bindingType !== BIND_OUTSIDE) {
            this.declareName(expr.name, bindingType, expr.start);
          }
        }
        break;
      case "ChainExpression":
        this.raiseRecoverable(expr.start, "Optional chaining cannot appear in left-hand side");
        break;
      case "MemberExpression":
        if (isBind) {
          this.raiseRecoverable(expr.start, "Binding member expression");
        }
        break;
      case "ParenthesizedExpression":
        if (isBind) {
          this.raiseRecoverable(expr.start, "Binding parenthesized expression");
        }
        return this.checkLValSimple(expr.expression, bindingType, checkClashes);
      default:
        this.raise(expr.start, (isBind ? "Binding" : "Assigning to") + " rvalue");
    }
  };
  pp$7.checkLValPattern = function(expr, bindingType, checkClashes) {
    if (bindingType === void 0) bindingType = BIND_NONE;
    switch (expr.type) {
      case "ObjectPattern":
        for (var i2 = 0, list2 = expr.properties; i2 < list2.length; i2 += 1) {
          var prop = list2[i2];
          this.checkLValInnerPattern(prop, bindingType, checkClashes);
        }
        break;
      case "ArrayPattern":
        for (var i$1 = 0, list$1 = expr.elements; i$1 < list$1.length; i$1 += 1) {
          var elem = list$1[i$1];
          if (elem) {
            this.checkLValInnerPattern(elem, bindingType, checkClashes);
          }
        }
        break;
      default:
        this.checkLValSimple(expr, bindingType, checkClashes);
    }
  };
  pp$7.checkLValInnerPattern = function(expr, bindingType, checkClashes) {
    if (bindingType === void 0) bindingType = BIND_NONE;
    switch (expr.type) {
      case "Property":
        this.checkLValInnerPattern(expr.value, bindingType, checkClashes);
        break;
      case "AssignmentPattern":
        this.checkLValPattern(expr.left, bindingType, checkClashes);
        break;
      case "RestElement":
        this.checkLValPattern(expr.argument, bindingType, checkClashes);
        break;
      default:
        this.checkLValPattern(expr, bindingType, checkClashes);
    }
  };
  var TokContext = function TokContext2(token, isExpr, preserveSpace, override, generator) {
    this.token = token;
    this.isExpr = !!isExpr;
    this.preserveSpace = !!preserveSpace;
    this.override = override;
    this.generator = !!generator;
  };
  var types = {
    b_stat: new TokContext("{", false),
    b_expr: new TokContext("{", true),
    b_tmpl: new TokContext("${", false),
    p_stat: new TokContext("(", false),
    p_expr: new TokContext("(", true),
    q_tmpl: new TokContext("`", true, true, function(p) {
      return p.tryReadTemplateToken();
    }),
    f_stat: new TokContext("function", false),
    f_expr: new TokContext("function", true),
    f_expr_gen: new TokContext("function", true, false, null, true),
    f_gen: new TokContext("function", false, false, null, true)
  };
  var pp$6 = Parser.prototype;
  pp$6.initialContext = function() {
    return [types.b_stat];
  };
  pp$6.curContext = function() {
    return this.context[this.context.length - 1];
  };
  pp$6.braceIsBlock = function(prevType) {
    var parent = this.curContext();
    if (parent === types.f_expr || parent === types.f_stat) {
      return true;
    }
    if (prevType === types$1.colon && (parent === types.b_stat || parent === types.b_expr)) {
      return !parent.isExpr;
    }
    if (prevType === types$1._return || prevType === types$1.name && this.exprAllowed) {
      return lineBreak.test(this.input.slice(this.lastTokEnd, this.start));
    }
    if (prevType === types$1._else || prevType === types$1.semi || prevType === types$1.eof || prevType === types$1.parenR || prevType === types$1.arrow) {
      return true;
    }
    if (prevType === types$1.braceL) {
      return parent === types.b_stat;
    }
    if (prevType === types$1._var || prevType === types$1._const || prevType === types$1.name) {
      return false;
    }
    return !this.exprAllowed;
  };
  pp$6.inGeneratorContext = function() {
    for (var i2 = this.context.length - 1; i2 >= 1; i2--) {
      var context = this.context[i2];
      if (context.token === "function") {
        return context.generator;
      }
    }
    return false;
  };
  pp$6.updateContext = function(prevType) {
    var update, type = this.type;
    if (type.keyword && prevType === types$1.dot) {
      this.exprAllowed = false;
    } else if (update = type.updateContext) {
      update.call(this, prevType);
    } else {
      this.exprAllowed = type.beforeExpr;
    }
  };
  pp$6.overrideContext = function(tokenCtx) {
    if (this.curContext() !== tokenCtx) {
      this.context[this.context.length - 1] = tokenCtx;
    }
  };
  types$1.parenR.updateContext = types$1.braceR.updateContext = function() {
    if (this.context.length === 1) {
      this.exprAllowed = true;
      return;
    }
    var out = this.context.pop();
    if (out === types.b_stat && this.curContext().token === "function") {
      out = this.context.pop();
    }
    this.exprAllowed = !out.isExpr;
  };
  types$1.braceL.updateContext = function(prevType) {
    this.context.push(this.braceIsBlock(prevType) ? types.b_stat : types.b_expr);
    this.exprAllowed = true;
  };
  types$1.dollarBraceL.updateContext = function() {
    this.context.push(types.b_tmpl);
    this.exprAllowed = true;
  };
  types$1.parenL.updateContext = function(prevType) {
    var statementParens = prevType === types$1._if || prevType === types$1._for || prevType === types$1._with || prevType === types$1._while;
    this.context.push(statementParens ? types.p_stat : types.p_expr);
    this.exprAllowed = true;
  };
  types$1.incDec.updateContext = function() {
  };
  types$1._function.updateContext = types$1._class.updateContext = function(prevType) {
    if (prevType.beforeExpr && prevType !== types$1._else && !(prevType === types$1.semi && this.curContext() !== types.p_stat) && !(prevType === types$1._return && lineBreak.test(this.input.slice(this.lastTokEnd, this.start))) && !((prevType === types$1.colon || prevType === types$1.braceL) && this.curContext() === types.b_stat)) {
      this.context.push(types.f_expr);
    } else {
      this.context.push(types.f_stat);
    }
    this.exprAllowed = false;
  };
  types$1.colon.updateContext = function() {
    if (this.curContext().token === "function") {
      this.context.pop();
    }
    this.exprAllowed = true;
  };
  types$1.backQuote.updateContext = function() {
    if (this.curContext() === types.q_tmpl) {
      this.context.pop();
    } else {
      this.context.push(types.q_tmpl);
    }
    this.exprAllowed = false;
  };
  types$1.star.updateContext = function(prevType) {
    if (prevType === types$1._function) {
      var index = this.context.length - 1;
      if (this.context[index] === types.f_expr) {
        this.context[index] = types.f_expr_gen;
      } else {
        this.context[index] = types.f_gen;
      }
    }
    this.exprAllowed = true;
  };
  types$1.name.updateContext = function(prevType) {
    var allowed = false;
    if (this.options.ecmaVersion >= 6 && prevType !== types$1.dot) {
      if (this.value === "of" && !this.exprAllowed || this.value === "yield" && this.inGeneratorContext()) {
        allowed = true;
      }
    }
    this.exprAllowed = allowed;
  };
  var pp$5 = Parser.prototype;
  pp$5.checkPropClash = function(prop, propHash, refDestructuringErrors) {
    if (this.options.ecmaVersion >= 9 && prop.type === "SpreadElement") {
      return;
    }
    if (this.options.ecmaVersion >= 6 && (prop.computed || prop.method || prop.shorthand)) {
      return;
    }
    var key = prop.key;
    var name;
    switch (key.type) {
      case "Identifier":
        name = key.name;
        break;
      case "Literal":
        name = String(key.value);
        break;
      default:
        return;
    }
    var kind = prop.kind;
    if (this.options.ecmaVersion >= 6) {
      if (name === "__proto__" && kind === "init") {
        if (propHash.proto) {
          if (refDestructuringErrors) {
            if (refDestructuringErrors.doubleProto < 0) {
              refDestructuringErrors.doubleProto = key.start;
            }
          } else {
            this.raiseRecoverable(key.start, "Redefinition of __proto__ property");
          }
        }
        propHash.proto = true;
      }
      return;
    }
    name = "$" + name;
    var other = propHash[name];
    if (other) {
      var redefinition;
      if (kind === "init") {
        redefinition = this.strict && other.init || other.get || other.set;
      } else {
        redefinition = other.init || other[kind];
      }
      if (redefinition) {
        this.raiseRecoverable(key.start, "Redefinition of property");
      }
    } else {
      other = propHash[name] = {
        init: false,
        get: false,
        set: false
      };
    }
    other[kind] = true;
  };
  pp$5.parseExpression = function(forInit, refDestructuringErrors) {
    var this$1$1 = this;
    return this.catchStackOverflow(function() {
      var startPos = this$1$1.start, startLoc = this$1$1.startLoc;
      var expr = this$1$1.parseMaybeAssign(forInit, refDestructuringErrors);
      if (this$1$1.type === types$1.comma) {
        var node = this$1$1.startNodeAt(startPos, startLoc);
        node.expressions = [expr];
        while (this$1$1.eat(types$1.comma)) {
          node.expressions.push(this$1$1.parseMaybeAssign(forInit, refDestructuringErrors));
        }
        return this$1$1.finishNode(node, "SequenceExpression");
      }
      return expr;
    });
  };
  pp$5.parseMaybeAssign = function(forInit, refDestructuringErrors, afterLeftParse) {
    if (this.isContextual("yield")) {
      if (this.inGenerator) {
        return this.parseYield(forInit);
      } else {
        this.exprAllowed = false;
      }
    }
    var ownDestructuringErrors = false, oldParenAssign = -1, oldTrailingComma = -1, oldDoubleProto = -1;
    if (refDestructuringErrors) {
      oldParenAssign = refDestructuringErrors.parenthesizedAssign;
      oldTrailingComma = refDestructuringErrors.trailingComma;
      oldDoubleProto = refDestructuringErrors.doubleProto;
      refDestructuringErrors.parenthesizedAssign = refDestructuringErrors.trailingComma = -1;
    } else {
      refDestructuringErrors = new DestructuringErrors();
      ownDestructuringErrors = true;
    }
    var startPos = this.start, startLoc = this.startLoc;
    if (this.type === types$1.parenL || this.type === types$1.name) {
      this.potentialArrowAt = this.start;
      this.potentialArrowInForAwait = forInit === "await";
    }
    var left = this.parseMaybeConditional(forInit, refDestructuringErrors);
    if (afterLeftParse) {
      left = afterLeftParse.call(this, left, startPos, startLoc);
    }
    if (this.type.isAssign) {
      var node = this.startNodeAt(startPos, startLoc);
      node.operator = this.value;
      if (this.type === types$1.eq) {
        left = this.toAssignable(left, false, refDestructuringErrors);
      }
      if (!ownDestructuringErrors) {
        refDestructuringErrors.parenthesizedAssign = refDestructuringErrors.trailingComma = -1;
        if (refDestructuringErrors.shorthandAssign >= left.start) {
          refDestructuringErrors.shorthandAssign = -1;
        }
        if (refDestructuringErrors.doubleProto >= left.start) {
          refDestructuringErrors.doubleProto = -1;
        }
      }
      if (this.type === types$1.eq) {
        this.checkLValPattern(left);
      } else {
        this.checkLValSimple(left);
      }
      node.left = left;
      this.next();
      node.right = this.parseMaybeAssign(forInit);
      if (oldDoubleProto > -1) {
        refDestructuringErrors.doubleProto = oldDoubleProto;
      }
      return this.finishNode(node, "AssignmentExpression");
    } else {
      if (ownDestructuringErrors) {
        this.checkExpressionErrors(refDestructuringErrors, true);
      }
    }
    if (oldParenAssign > -1) {
      refDestructuringErrors.parenthesizedAssign = oldParenAssign;
    }
    if (oldTrailingComma > -1) {
      refDestructuringErrors.trailingComma = oldTrailingComma;
    }
    return left;
  };
  pp$5.parseMaybeConditional = function(forInit, refDestructuringErrors) {
    var startPos = this.start, startLoc = this.startLoc;
    var expr = this.parseExprOps(forInit, refDestructuringErrors);
    if (this.checkExpressionErrors(refDestructuringErrors)) {
      return expr;
    }
    if (!(expr.type === "ArrowFunctionExpression" && expr.start === startPos) && this.eat(types$1.question)) {
      var node = this.startNodeAt(startPos, startLoc);
      node.test = expr;
      node.consequent = this.parseMaybeAssign();
      this.expect(types$1.colon);
      node.alternate = this.parseMaybeAssign(forInit);
      return this.finishNode(node, "ConditionalExpression");
    }
    return expr;
  };
  pp$5.parseExprOps = function(forInit, refDestructuringErrors) {
    var startPos = this.start, startLoc = this.startLoc;
    var expr = this.parseMaybeUnary(refDestructuringErrors, false, false, forInit);
    if (this.checkExpressionErrors(refDestructuringErrors)) {
      return expr;
    }
    return expr.start === startPos && expr.type === "ArrowFunctionExpression" ? expr : this.parseExprOp(expr, startPos, startLoc, -1, forInit);
  };
  pp$5.parseExprOp = function(left, leftStartPos, leftStartLoc, minPrec, forInit) {
    var prec = this.type.binop;
    if (prec != null && (!forInit || this.type !== types$1._in)) {
      if (prec > minPrec) {
        var logical = this.type === types$1.logicalOR || this.type === types$1.logicalAND;
        var coalesce = this.type === types$1.coalesce;
        if (coalesce) {
          prec = types$1.logicalAND.binop;
        }
        var op = this.value;
        this.next();
        var startPos = this.start, startLoc = this.startLoc;
        var right = this.parseExprOp(this.parseMaybeUnary(null, false, false, forInit), startPos, startLoc, prec, forInit);
        var node = this.buildBinary(leftStartPos, leftStartLoc, left, right, op, logical || coalesce);
        if (logical && this.type === types$1.coalesce || coalesce && (this.type === types$1.logicalOR || this.type === types$1.logicalAND)) {
          this.raiseRecoverable(this.start, "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses");
        }
        return this.parseExprOp(node, leftStartPos, leftStartLoc, minPrec, forInit);
      }
    }
    return left;
  };
  pp$5.buildBinary = function(startPos, startLoc, left, right, op, logical) {
    if (right.type === "PrivateIdentifier") {
      this.raise(right.start, "Private identifier can only be left side of binary expression");
    }
    var node = this.startNodeAt(startPos, startLoc);
    node.left = left;
    node.operator = op;
    node.right = right;
    return this.finishNode(node, logical ? "LogicalExpression" : "BinaryExpression");
  };
  pp$5.parseMaybeUnary = function(refDestructuringErrors, sawUnary, incDec, forInit) {
    var startPos = this.start, startLoc = this.startLoc, expr;
    if (this.isContextual("await") && this.canAwait) {
      expr = this.parseAwait(forInit);
      sawUnary = true;
    } else if (this.type.prefix) {
      var node = this.startNode(), update = this.type === types$1.incDec;
      node.operator = this.value;
      node.prefix = true;
      this.next();
      node.argument = this.parseMaybeUnary(null, true, update, forInit);
      this.checkExpressionErrors(refDestructuringErrors, true);
      if (update) {
        this.checkLValSimple(node.argument);
      } else if (this.strict && node.operator === "delete" && isLocalVariableAccess(node.argument)) {
        this.raiseRecoverable(node.start, "Deleting local variable in strict mode");
      } else if (node.operator === "delete" && isPrivateFieldAccess(node.argument)) {
        this.raiseRecoverable(node.start, "Private fields can not be deleted");
      } else {
        sawUnary = true;
      }
      expr = this.finishNode(node, update ? "UpdateExpression" : "UnaryExpression");
    } else if (!sawUnary && this.type === types$1.privateId) {
      if ((forInit || this.privateNameStack.length === 0) && this.options.checkPrivateFields) {
        this.unexpected();
      }
      expr = this.parsePrivateIdent();
      if (this.type !== types$1._in) {
        this.unexpected();
      }
    } else {
      expr = this.parseExprSubscripts(refDestructuringErrors, forInit);
      if (this.checkExpressionErrors(refDestructuringErrors)) {
        return expr;
      }
      while (this.type.postfix && !this.canInsertSemicolon()) {
        var node$1 = this.startNodeAt(startPos, startLoc);
        node$1.operator = this.value;
        node$1.prefix = false;
        node$1.argument = expr;
        this.checkLValSimple(expr);
        this.next();
        expr = this.finishNode(node$1, "UpdateExpression");
      }
    }
    if (!incDec && !(expr.type === "ArrowFunctionExpression" && expr.start === startPos) && this.eat(types$1.starstar)) {
      if (sawUnary) {
        this.unexpected(this.lastTokStart);
      } else {
        return this.buildBinary(startPos, startLoc, expr, this.parseMaybeUnary(null, false, false, forInit), "**", false);
      }
    } else {
      return expr;
    }
  };
  function isLocalVariableAccess(node) {
    return node.type === "Identifier" || node.type === "ParenthesizedExpression" && isLocalVariableAccess(node.expression);
  }
  function isPrivateFieldAccess(node) {
    return node.type === "MemberExpression" && node.property.type === "PrivateIdentifier" || node.type === "ChainExpression" && isPrivateFieldAccess(node.expression) || node.type === "ParenthesizedExpression" && isPrivateFieldAccess(node.expression);
  }
  pp$5.parseExprSubscripts = function(refDestructuringErrors, forInit) {
    var startPos = this.start, startLoc = this.startLoc;
    var oldDoubleProto = -1, oldShorthandAssign = -1;
    if (refDestructuringErrors) {
      oldDoubleProto = refDestructuringErrors.doubleProto;
      oldShorthandAssign = refDestructuringErrors.shorthandAssign;
      refDestructuringErrors.doubleProto = refDestructuringErrors.shorthandAssign = -1;
    }
    var expr = this.parseExprAtom(refDestructuringErrors, forInit);
    if (expr.type === "ArrowFunctionExpression" && this.input.slice(this.lastTokStart, this.lastTokEnd) !== ")") {
      return expr;
    }
    var result = this.parseSubscripts(expr, startPos, startLoc, false, forInit);
    if (refDestructuringErrors) {
      if (result.end > expr.end) {
        this.checkExpressionErrors(refDestructuringErrors, true);
        if (refDestructuringErrors.parenthesizedAssign >= result.start) {
          refDestructuringErrors.parenthesizedAssign = -1;
        }
        if (refDestructuringErrors.parenthesizedBind >= result.start) {
          refDestructuringErrors.parenthesizedBind = -1;
        }
        if (refDestructuringErrors.trailingComma >= result.start) {
          refDestructuringErrors.trailingComma = -1;
        }
      }
      if (oldDoubleProto > -1) {
        refDestructuringErrors.doubleProto = oldDoubleProto;
      }
      if (oldShorthandAssign > -1) {
        refDestructuringErrors.shorthandAssign = oldShorthandAssign;
      }
    }
    return result;
  };
  pp$5.parseSubscripts = function(base, startPos, startLoc, noCalls, forInit) {
    var maybeAsyncArrow = this.options.ecmaVersion >= 8 && base.type === "Identifier" && base.name === "async" && this.lastTokEnd === base.end && !this.canInsertSemicolon() && base.end - base.start === 5 && this.potentialArrowAt === base.start;
    var optionalChained = false;
    while (true) {
      var element = this.parseSubscript(base, startPos, startLoc, noCalls, maybeAsyncArrow, optionalChained, forInit);
      if (element.optional) {
        optionalChained = true;
      }
      if (element.end === base.end || element.type === "ArrowFunctionExpression") {
        if (optionalChained) {
          var chainNode = this.startNodeAt(startPos, startLoc);
          chainNode.expression = element;
          element = this.finishNode(chainNode, "ChainExpression");
        }
        return element;
      }
      base = element;
      maybeAsyncArrow = false;
    }
  };
  pp$5.shouldParseAsyncArrow = function() {
    return !this.canInsertSemicolon() && this.eat(types$1.arrow);
  };
  pp$5.parseSubscriptAsyncArrow = function(startPos, startLoc, exprList, forInit) {
    return this.parseArrowExpression(this.startNodeAt(startPos, startLoc), exprList, true, forInit);
  };
  pp$5.parseSubscript = function(base, startPos, startLoc, noCalls, maybeAsyncArrow, optionalChained, forInit) {
    var optionalSupported = this.options.ecmaVersion >= 11;
    var optional = optionalSupported && this.eat(types$1.questionDot);
    if (noCalls && optional) {
      this.raise(this.lastTokStart, "Optional chaining cannot appear in the callee of new expressions");
    }
    var computed = this.eat(types$1.bracketL);
    if (computed || optional && this.type !== types$1.parenL && this.type !== types$1.backQuote || this.eat(types$1.dot)) {
      var node = this.startNodeAt(startPos, startLoc);
      node.object = base;
      if (computed) {
        node.property = this.parseExpression();
        this.expect(types$1.bracketR);
      } else if (this.type === types$1.privateId && base.type !== "Super") {
        node.property = this.parsePrivateIdent();
      } else {
        node.property = this.parseIdent(this.options.allowReserved !== "never");
      }
      node.computed = !!computed;
      if (optionalSupported) {
        node.optional = optional;
      }
      base = this.finishNode(node, "MemberExpression");
    } else if (!noCalls && this.eat(types$1.parenL)) {
      var refDestructuringErrors = new DestructuringErrors(), oldYieldPos = this.yieldPos, oldAwaitPos = this.awaitPos, oldAwaitIdentPos = this.awaitIdentPos;
      this.yieldPos = 0;
      this.awaitPos = 0;
      this.awaitIdentPos = 0;
      var exprList = this.parseExprList(types$1.parenR, this.options.ecmaVersion >= 8, false, refDestructuringErrors);
      if (maybeAsyncArrow && !optional && this.shouldParseAsyncArrow()) {
        this.checkPatternErrors(refDestructuringErrors, false);
        this.checkYieldAwaitInDefaultParams();
        if (this.awaitIdentPos > 0) {
          this.raise(this.awaitIdentPos, "Cannot use 'await' as identifier inside an async function");
        }
        this.yieldPos = oldYieldPos;
        this.awaitPos = oldAwaitPos;
        this.awaitIdentPos = oldAwaitIdentPos;
        return this.parseSubscriptAsyncArrow(startPos, startLoc, exprList, forInit);
      }
      this.checkExpressionErrors(refDestructuringErrors, true);
      this.yieldPos = oldYieldPos || this.yieldPos;
      this.awaitPos = oldAwaitPos || this.awaitPos;
      this.awaitIdentPos = oldAwaitIdentPos || this.awaitIdentPos;
      var node$1 = this.startNodeAt(startPos, startLoc);
      node$1.callee = base;
      node$1.arguments = exprList;
      if (optionalSupported) {
        node$1.optional = optional;
      }
      base = this.finishNode(node$1, "CallExpression");
    } else if (this.type === types$1.backQuote) {
      if (optional || optionalChained) {
        this.raise(this.start, "Optional chaining cannot appear in the tag of tagged template expressions");
      }
      var node$2 = this.startNodeAt(startPos, startLoc);
      node$2.tag = base;
      node$2.quasi = this.parseTemplate({ isTagged: true });
      base = this.finishNode(node$2, "TaggedTemplateExpression");
    }
    return base;
  };
  pp$5.parseExprAtom = function(refDestructuringErrors, forInit, forNew) {
    if (this.type === types$1.slash) {
      this.readRegexp();
    }
    var node, canBeArrow = this.potentialArrowAt === this.start;
    switch (this.type) {
      case types$1._super:
        if (!this.allowSuper) {
          this.raise(this.start, "'super' keyword outside a method");
        }
        node = this.startNode();
        this.next();
        if (this.type === types$1.parenL && !this.allowDirectSuper) {
          this.raise(node.start, "super() call outside constructor of a subclass");
        }
        if (this.type !== types$1.dot && this.type !== types$1.bracketL && this.type !== types$1.parenL) {
          this.unexpected();
        }
        return this.finishNode(node, "Super");
      case types$1._this:
        node = this.startNode();
        this.next();
        return this.finishNode(node, "ThisExpression");
      case types$1.name:
        var startPos = this.start, startLoc = this.startLoc, containsEsc = this.containsEsc;
        var id = this.parseIdent(false);
        if (this.options.ecmaVersion >= 8 && !containsEsc && id.name === "async" && !this.canInsertSemicolon() && this.eat(types$1._function)) {
          this.overrideContext(types.f_expr);
          return this.parseFunction(this.startNodeAt(startPos, startLoc), 0, false, true, forInit);
        }
        if (canBeArrow && !this.canInsertSemicolon()) {
          if (this.eat(types$1.arrow)) {
            return this.parseArrowExpression(this.startNodeAt(startPos, startLoc), [id], false, forInit);
          }
          if (this.options.ecmaVersion >= 8 && id.name === "async" && this.type === types$1.name && !containsEsc && (!this.potentialArrowInForAwait || this.value !== "of" || this.containsEsc)) {
            id = this.parseIdent(false);
            if (this.canInsertSemicolon() || !this.eat(types$1.arrow)) {
              this.unexpected();
            }
            return this.parseArrowExpression(this.startNodeAt(startPos, startLoc), [id], true, forInit);
          }
        }
        return id;
      case types$1.regexp:
        var value = this.value;
        node = this.parseLiteral(value.value);
        node.regex = { pattern: value.pattern, flags: value.flags };
        return node;
      case types$1.num:
      case types$1.string:
        return this.parseLiteral(this.value);
      case types$1._null:
      case types$1._true:
      case types$1._false:
        node = this.startNode();
        node.value = this.type === types$1._null ? null : this.type === types$1._true;
        node.raw = this.type.keyword;
        this.next();
        return this.finishNode(node, "Literal");
      case types$1.parenL:
        var start = this.start, expr = this.parseParenAndDistinguishExpression(canBeArrow, forInit);
        if (refDestructuringErrors) {
          if (refDestructuringErrors.parenthesizedAssign < 0 && !this.isSimpleAssignTarget(expr)) {
            refDestructuringErrors.parenthesizedAssign = start;
          }
          if (refDestructuringErrors.parenthesizedBind < 0) {
            refDestructuringErrors.parenthesizedBind = start;
          }
        }
        return expr;
      case types$1.bracketL:
        node = this.startNode();
        this.next();
        node.elements = this.parseExprList(types$1.bracketR, true, true, refDestructuringErrors);
        return this.finishNode(node, "ArrayExpression");
      case types$1.braceL:
        this.overrideContext(types.b_expr);
        return this.parseObj(false, refDestructuringErrors);
      case types$1._function:
        node = this.startNode();
        this.next();
        return this.parseFunction(node, 0);
      case types$1._class:
        return this.parseClass(this.startNode(), false);
      case types$1._new:
        return this.parseNew();
      case types$1.backQuote:
        return this.parseTemplate();
      case types$1._import:
        if (this.options.ecmaVersion >= 11) {
          return this.parseExprImport(forNew);
        } else {
          return this.unexpected();
        }
      default:
        return this.parseExprAtomDefault();
    }
  };
  pp$5.parseExprAtomDefault = function() {
    this.unexpected();
  };
  pp$5.parseExprImport = function(forNew) {
    var node = this.startNode();
    if (this.containsEsc) {
      this.raiseRecoverable(this.start, "Escape sequence in keyword import");
    }
    this.next();
    if (this.type === types$1.parenL && !forNew) {
      return this.parseDynamicImport(node);
    } else if (this.type === types$1.dot) {
      var meta = this.startNodeAt(node.start, node.loc && node.loc.start);
      meta.name = "import";
      node.meta = this.finishNode(meta, "Identifier");
      return this.parseImportMeta(node);
    } else {
      this.unexpected();
    }
  };
  pp$5.parseDynamicImport = function(node) {
    this.next();
    node.source = this.parseMaybeAssign();
    if (this.options.ecmaVersion >= 16) {
      if (!this.eat(types$1.parenR)) {
        this.expect(types$1.comma);
        if (!this.afterTrailingComma(types$1.parenR)) {
          node.options = this.parseMaybeAssign();
          if (!this.eat(types$1.parenR)) {
            this.expect(types$1.comma);
            if (!this.afterTrailingComma(types$1.parenR)) {
              this.unexpected();
            }
          }
        } else {
          node.options = null;
        }
      } else {
        node.options = null;
      }
    } else {
      if (!this.eat(types$1.parenR)) {
        var errorPos = this.start;
        if (this.eat(types$1.comma) && this.eat(types$1.parenR)) {
          this.raiseRecoverable(errorPos, "Trailing comma is not allowed in import()");
        } else {
          this.unexpected(errorPos);
        }
      }
    }
    return this.finishNode(node, "ImportExpression");
  };
  pp$5.parseImportMeta = function(node) {
    this.next();
    var containsEsc = this.containsEsc;
    node.property = this.parseIdent(true);
    if (node.property.name !== "meta") {
      this.raiseRecoverable(node.property.start, "The only valid meta property for import is 'import.meta'");
    }
    if (containsEsc) {
      this.raiseRecoverable(node.start, "'import.meta' must not contain escaped characters");
    }
    if (this.options.sourceType !== "module" && !this.options.allowImportExportEverywhere) {
      this.raiseRecoverable(node.start, "Cannot use 'import.meta' outside a module");
    }
    return this.finishNode(node, "MetaProperty");
  };
  pp$5.parseLiteral = function(value) {
    var node = this.startNode();
    node.value = value;
    node.raw = this.input.slice(this.start, this.end);
    if (node.raw.charCodeAt(node.raw.length - 1) === 110) {
      node.bigint = node.value != null ? node.value.toString() : node.raw.slice(0, -1).replace(/_/g, "");
    }
    this.next();
    return this.finishNode(node, "Literal");
  };
  pp$5.parseParenExpression = function() {
    this.expect(types$1.parenL);
    var val = this.parseExpression();
    this.expect(types$1.parenR);
    return val;
  };
  pp$5.shouldParseArrow = function(exprList) {
    return !this.canInsertSemicolon();
  };
  pp$5.parseParenAndDistinguishExpression = function(canBeArrow, forInit) {
    var startPos = this.start, startLoc = this.startLoc, val, allowTrailingComma = this.options.ecmaVersion >= 8;
    if (this.options.ecmaVersion >= 6) {
      this.next();
      var innerStartPos = this.start, innerStartLoc = this.startLoc;
      var exprList = [], first = true, lastIsComma = false;
      var refDestructuringErrors = new DestructuringErrors(), oldYieldPos = this.yieldPos, oldAwaitPos = this.awaitPos, spreadStart;
      this.yieldPos = 0;
      this.awaitPos = 0;
      while (this.type !== types$1.parenR) {
        first ? first = false : this.expect(types$1.comma);
        if (allowTrailingComma && this.afterTrailingComma(types$1.parenR, true)) {
          lastIsComma = true;
          break;
        } else if (this.type === types$1.ellipsis) {
          spreadStart = this.start;
          exprList.push(this.parseParenItem(this.parseRestBinding()));
          if (this.type === types$1.comma) {
            this.raiseRecoverable(
              this.start,
              "Comma is not permitted after the rest element"
            );
          }
          break;
        } else {
          exprList.push(this.parseMaybeAssign(false, refDestructuringErrors, this.parseParenItem));
        }
      }
      var innerEndPos = this.lastTokEnd, innerEndLoc = this.lastTokEndLoc;
      this.expect(types$1.parenR);
      if (canBeArrow && this.shouldParseArrow(exprList) && this.eat(types$1.arrow)) {
        this.checkPatternErrors(refDestructuringErrors, false);
        this.checkYieldAwaitInDefaultParams();
        this.yieldPos = oldYieldPos;
        this.awaitPos = oldAwaitPos;
        return this.parseParenArrowList(startPos, startLoc, exprList, forInit);
      }
      if (!exprList.length || lastIsComma) {
        this.unexpected(this.lastTokStart);
      }
      if (spreadStart) {
        this.unexpected(spreadStart);
      }
      this.checkExpressionErrors(refDestructuringErrors, true);
      this.yieldPos = oldYieldPos || this.yieldPos;
      this.awaitPos = oldAwaitPos || this.awaitPos;
      if (exprList.length > 1) {
        val = this.startNodeAt(innerStartPos, innerStartLoc);
        val.expressions = exprList;
        this.finishNodeAt(val, "SequenceExpression", innerEndPos, innerEndLoc);
      } else {
        val = exprList[0];
      }
    } else {
      val = this.parseParenExpression();
    }
    if (this.options.preserveParens) {
      var par = this.startNodeAt(startPos, startLoc);
      par.expression = val;
      return this.finishNode(par, "ParenthesizedExpression");
    } else {
      return val;
    }
  };
  pp$5.parseParenItem = function(item) {
    return item;
  };
  pp$5.parseParenArrowList = function(startPos, startLoc, exprList, forInit) {
    return this.parseArrowExpression(this.startNodeAt(startPos, startLoc), exprList, false, forInit);
  };
  var empty = [];
  pp$5.parseNew = function() {
    if (this.containsEsc) {
      this.raiseRecoverable(this.start, "Escape sequence in keyword new");
    }
    var node = this.startNode();
    this.next();
    if (this.options.ecmaVersion >= 6 && this.type === types$1.dot) {
      var meta = this.startNodeAt(node.start, node.loc && node.loc.start);
      meta.name = "new";
      node.meta = this.finishNode(meta, "Identifier");
      this.next();
      var containsEsc = this.containsEsc;
      node.property = this.parseIdent(true);
      if (node.property.name !== "target") {
        this.raiseRecoverable(node.property.start, "The only valid meta property for new is 'new.target'");
      }
      if (containsEsc) {
        this.raiseRecoverable(node.start, "'new.target' must not contain escaped characters");
      }
      if (!this.allowNewDotTarget) {
        this.raiseRecoverable(node.start, "'new.target' can only be used in functions and class static block");
      }
      return this.finishNode(node, "MetaProperty");
    }
    var startPos = this.start, startLoc = this.startLoc;
    node.callee = this.parseSubscripts(this.parseExprAtom(null, false, true), startPos, startLoc, true, false);
    if (node.callee.type === "Super") {
      this.raiseRecoverable(startPos, "Invalid use of 'super'");
    }
    if (this.eat(types$1.parenL)) {
      node.arguments = this.parseExprList(types$1.parenR, this.options.ecmaVersion >= 8, false);
    } else {
      node.arguments = empty;
    }
    return this.finishNode(node, "NewExpression");
  };
  pp$5.parseTemplateElement = function(ref2) {
    var isTagged = ref2.isTagged;
    var elem = this.startNode();
    if (this.type === types$1.invalidTemplate) {
      if (!isTagged) {
        this.raiseRecoverable(this.start, "Bad escape sequence in untagged template literal");
      }
      elem.value = {
        raw: this.value.replace(/\r\n?/g, "\n"),
        cooked: null
      };
    } else {
      elem.value = {
        raw: this.input.slice(this.start, this.end).replace(/\r\n?/g, "\n"),
        cooked: this.value
      };
    }
    this.next();
    elem.tail = this.type === types$1.backQuote;
    return this.finishNode(elem, "TemplateElement");
  };
  pp$5.parseTemplate = function(ref2) {
    if (ref2 === void 0) ref2 = {};
    var isTagged = ref2.isTagged;
    if (isTagged === void 0) isTagged = false;
    var node = this.startNode();
    this.next();
    node.expressions = [];
    var curElt = this.parseTemplateElement({ isTagged });
    node.quasis = [curElt];
    while (!curElt.tail) {
      if (this.type === types$1.eof) {
        this.raise(this.pos, "Unterminated template literal");
      }
      this.expect(types$1.dollarBraceL);
      node.expressions.push(this.parseExpression());
      this.expect(types$1.braceR);
      node.quasis.push(curElt = this.parseTemplateElement({ isTagged }));
    }
    this.next();
    return this.finishNode(node, "TemplateLiteral");
  };
  pp$5.isAsyncProp = function(prop) {
    return !prop.computed && prop.key.type === "Identifier" && prop.key.name === "async" && (this.type === types$1.name || this.type === types$1.num || this.type === types$1.string || this.type === types$1.bracketL || this.type.keyword || this.options.ecmaVersion >= 9 && this.type === types$1.star) && !lineBreak.test(this.input.slice(this.lastTokEnd, this.start));
  };
  pp$5.parseObj = function(isPattern, refDestructuringErrors) {
    var node = this.startNode(), first = true, propHash = {};
    node.properties = [];
    this.next();
    while (!this.eat(types$1.braceR)) {
      if (!first) {
        this.expect(types$1.comma);
        if (this.options.ecmaVersion >= 5 && this.afterTrailingComma(types$1.braceR)) {
          break;
        }
      } else {
        first = false;
      }
      var prop = this.parseProperty(isPattern, refDestructuringErrors);
      if (!isPattern) {
        this.checkPropClash(prop, propHash, refDestructuringErrors);
      }
      node.properties.push(prop);
    }
    return this.finishNode(node, isPattern ? "ObjectPattern" : "ObjectExpression");
  };
  pp$5.parseProperty = function(isPattern, refDestructuringErrors) {
    var prop = this.startNode(), isGenerator, isAsync, startPos, startLoc;
    if (this.options.ecmaVersion >= 9 && this.eat(types$1.ellipsis)) {
      if (isPattern) {
        prop.argument = this.parseIdent(false);
        if (this.type === types$1.comma) {
          this.raiseRecoverable(this.start, "Comma is not permitted after the rest element");
        }
        return this.finishNode(prop, "RestElement");
      }
      prop.argument = this.parseMaybeAssign(false, refDestructuringErrors);
      if (this.type === types$1.comma && refDestructuringErrors && refDestructuringErrors.trailingComma < 0) {
        refDestructuringErrors.trailingComma = this.start;
      }
      return this.finishNode(prop, "SpreadElement");
    }
    if (this.options.ecmaVersion >= 6) {
      prop.method = false;
      prop.shorthand = false;
      if (isPattern || refDestructuringErrors) {
        startPos = this.start;
        startLoc = this.startLoc;
      }
      if (!isPattern) {
        isGenerator = this.eat(types$1.star);
      }
    }
    var containsEsc = this.containsEsc;
    this.parsePropertyName(prop);
    if (!isPattern && !containsEsc && this.options.ecmaVersion >= 8 && !isGenerator && this.isAsyncProp(prop)) {
      isAsync = true;
      isGenerator = this.options.ecmaVersion >= 9 && this.eat(types$1.star);
      this.parsePropertyName(prop);
    } else {
      isAsync = false;
    }
    this.parsePropertyValue(prop, isPattern, isGenerator, isAsync, startPos, startLoc, refDestructuringErrors, containsEsc);
    return this.finishNode(prop, "Property");
  };
  pp$5.parseGetterSetter = function(prop) {
    var kind = prop.key.name;
    this.parsePropertyName(prop);
    prop.value = this.parseMethod(false);
    prop.kind = kind;
    var paramCount = prop.kind === "get" ? 0 : 1;
    if (prop.value.params.length !== paramCount) {
      var start = prop.value.start;
      if (prop.kind === "get") {
        this.raiseRecoverable(start, "getter should have no params");
      } else {
        this.raiseRecoverable(start, "setter should have exactly one param");
      }
    } else {
      if (prop.kind === "set" && prop.value.params[0].type === "RestElement") {
        this.raiseRecoverable(prop.value.params[0].start, "Setter cannot use rest params");
      }
    }
  };
  pp$5.parsePropertyValue = function(prop, isPattern, isGenerator, isAsync, startPos, startLoc, refDestructuringErrors, containsEsc) {
    if ((isGenerator || isAsync) && this.type === types$1.colon) {
      this.unexpected();
    }
    if (this.eat(types$1.colon)) {
      prop.value = isPattern ? this.parseMaybeDefault(this.start, this.startLoc) : this.parseMaybeAssign(false, refDestructuringErrors);
      prop.kind = "init";
    } else if (this.options.ecmaVersion >= 6 && this.type === types$1.parenL) {
      if (isPattern) {
        this.unexpected();
      }
      prop.method = true;
      prop.value = this.parseMethod(isGenerator, isAsync);
      prop.kind = "init";
    } else if (!isPattern && !containsEsc && this.options.ecmaVersion >= 5 && !prop.computed && prop.key.type === "Identifier" && (prop.key.name === "get" || prop.key.name === "set") && (this.type !== types$1.comma && this.type !== types$1.braceR && this.type !== types$1.eq)) {
      if (isGenerator || isAsync) {
        this.unexpected();
      }
      this.parseGetterSetter(prop);
    } else if (this.options.ecmaVersion >= 6 && !prop.computed && prop.key.type === "Identifier") {
      if (isGenerator || isAsync) {
        this.unexpected();
      }
      this.checkUnreserved(prop.key);
      if (prop.key.name === "await" && !this.awaitIdentPos) {
        this.awaitIdentPos = startPos;
      }
      if (isPattern) {
        prop.value = this.parseMaybeDefault(startPos, startLoc, this.copyNode(prop.key));
      } else if (this.type === types$1.eq && refDestructuringErrors) {
        if (refDestructuringErrors.shorthandAssign < 0) {
          refDestructuringErrors.shorthandAssign = this.start;
        }
        prop.value = this.parseMaybeDefault(startPos, startLoc, this.copyNode(prop.key));
      } else {
        prop.value = this.copyNode(prop.key);
      }
      prop.kind = "init";
      prop.shorthand = true;
    } else {
      this.unexpected();
    }
  };
  pp$5.parsePropertyName = function(prop) {
    if (this.options.ecmaVersion >= 6) {
      if (this.eat(types$1.bracketL)) {
        prop.computed = true;
        prop.key = this.parseMaybeAssign();
        this.expect(types$1.bracketR);
        return prop.key;
      } else {
        prop.computed = false;
      }
    }
    return prop.key = this.type === types$1.num || this.type === types$1.string ? this.parseExprAtom() : this.parseIdent(this.options.allowReserved !== "never");
  };
  pp$5.initFunction = function(node) {
    node.id = null;
    if (this.options.ecmaVersion >= 6) {
      node.generator = node.expression = false;
    }
    if (this.options.ecmaVersion >= 8) {
      node.async = false;
    }
  };
  pp$5.parseMethod = function(isGenerator, isAsync, allowDirectSuper) {
    var node = this.startNode(), oldYieldPos = this.yieldPos, oldAwaitPos = this.awaitPos, oldAwaitIdentPos = this.awaitIdentPos;
    this.initFunction(node);
    if (this.options.ecmaVersion >= 6) {
      node.generator = isGenerator;
    }
    if (this.options.ecmaVersion >= 8) {
      node.async = !!isAsync;
    }
    this.yieldPos = 0;
    this.awaitPos = 0;
    this.awaitIdentPos = 0;
    this.enterScope(functionFlags(isAsync, node.generator) | SCOPE_SUPER | (allowDirectSuper ? SCOPE_DIRECT_SUPER : 0));
    this.expect(types$1.parenL);
    node.params = this.parseBindingList(types$1.parenR, false, this.options.ecmaVersion >= 8);
    this.checkYieldAwaitInDefaultParams();
    this.parseFunctionBody(node, false, true, false);
    this.yieldPos = oldYieldPos;
    this.awaitPos = oldAwaitPos;
    this.awaitIdentPos = oldAwaitIdentPos;
    return this.finishNode(node, "FunctionExpression");
  };
  pp$5.parseArrowExpression = function(node, params, isAsync, forInit) {
    var oldYieldPos = this.yieldPos, oldAwaitPos = this.awaitPos, oldAwaitIdentPos = this.awaitIdentPos;
    this.enterScope(functionFlags(isAsync, false) | SCOPE_ARROW);
    this.initFunction(node);
    if (this.options.ecmaVersion >= 8) {
      node.async = !!isAsync;
    }
    this.yieldPos = 0;
    this.awaitPos = 0;
    this.awaitIdentPos = 0;
    node.params = this.toAssignableList(params, true);
    this.parseFunctionBody(node, true, false, forInit);
    this.yieldPos = oldYieldPos;
    this.awaitPos = oldAwaitPos;
    this.awaitIdentPos = oldAwaitIdentPos;
    return this.finishNode(node, "ArrowFunctionExpression");
  };
  pp$5.parseFunctionBody = function(node, isArrowFunction, isMethod, forInit) {
    var isExpression = isArrowFunction && this.type !== types$1.braceL;
    var oldStrict = this.strict, useStrict = false;
    if (isExpression) {
      node.body = this.parseMaybeAssign(forInit);
      node.expression = true;
      this.checkParams(node, false);
    } else {
      var nonSimple = this.options.ecmaVersion >= 7 && !this.isSimpleParamList(node.params);
      if (!oldStrict || nonSimple) {
        useStrict = this.strictDirective(this.end);
        if (useStrict && nonSimple) {
          this.raiseRecoverable(node.start, "Illegal 'use strict' directive in function with non-simple parameter list");
        }
      }
      var oldLabels = this.labels;
      this.labels = [];
      if (useStrict) {
        this.strict = true;
      }
      this.checkParams(node, !oldStrict && !useStrict && !isArrowFunction && !isMethod && this.isSimpleParamList(node.params));
      if (this.strict && node.id) {
        this.checkLValSimple(node.id, BIND_OUTSIDE);
      }
      node.body = this.parseBlock(false, void 0, useStrict && !oldStrict);
      node.expression = false;
      this.adaptDirectivePrologue(node.body.body);
      this.labels = oldLabels;
    }
    this.exitScope();
  };
  pp$5.isSimpleParamList = function(params) {
    for (var i2 = 0, list2 = params; i2 < list2.length; i2 += 1) {
      var param = list2[i2];
      if (param.type !== "Identifier") {
        return false;
      }
    }
    return true;
  };
  pp$5.checkParams = function(node, allowDuplicates) {
    var nameHash = /* @__PURE__ */ Object.create(null);
    for (var i2 = 0, list2 = node.params; i2 < list2.length; i2 += 1) {
      var param = list2[i2];
      this.checkLValInnerPattern(param, BIND_VAR, allowDuplicates ? null : nameHash);
    }
  };
  pp$5.parseExprList = function(close, allowTrailingComma, allowEmpty, refDestructuringErrors) {
    var elts = [], first = true;
    while (!this.eat(close)) {
      if (!first) {
        this.expect(types$1.comma);
        if (allowTrailingComma && this.afterTrailingComma(close)) {
          break;
        }
      } else {
        first = false;
      }
      var elt = void 0;
      if (allowEmpty && this.type === types$1.comma) {
        elt = null;
      } else if (this.type === types$1.ellipsis) {
        elt = this.parseSpread(refDestructuringErrors);
        if (refDestructuringErrors && this.type === types$1.comma && refDestructuringErrors.trailingComma < 0) {
          refDestructuringErrors.trailingComma = this.start;
        }
      } else {
        elt = this.parseMaybeAssign(false, refDestructuringErrors);
      }
      elts.push(elt);
    }
    return elts;
  };
  pp$5.checkUnreserved = function(ref2) {
    var start = ref2.start;
    var end = ref2.end;
    var name = ref2.name;
    if (this.inGenerator && name === "yield") {
      this.raiseRecoverable(start, "Cannot use 'yield' as identifier inside a generator");
    }
    if (this.inAsync && name === "await") {
      this.raiseRecoverable(start, "Cannot use 'await' as identifier inside an async function");
    }
    if (!(this.currentThisScope().flags & SCOPE_VAR) && name === "arguments") {
      this.raiseRecoverable(start, "Cannot use 'arguments' in class field initializer");
    }
    if (this.inClassStaticBlock && (name === "arguments" || name === "await")) {
      this.raise(start, "Cannot use " + name + " in class static initialization block");
    }
    if (this.keywords.test(name)) {
      this.raise(start, "Unexpected keyword '" + name + "'");
    }
    if (this.options.ecmaVersion < 6 && this.input.slice(start, end).indexOf("\\") !== -1) {
      return;
    }
    var re = this.strict ? this.reservedWordsStrict : this.reservedWords;
    if (re.test(name)) {
      if (!this.inAsync && name === "await") {
        this.raiseRecoverable(start, "Cannot use keyword 'await' outside an async function");
      }
      this.raiseRecoverable(start, "The keyword '" + name + "' is reserved");
    }
  };
  pp$5.parseIdent = function(liberal) {
    var node = this.parseIdentNode();
    this.next(!!liberal);
    this.finishNode(node, "Identifier");
    if (!liberal) {
      this.checkUnreserved(node);
      if (node.name === "await" && !this.awaitIdentPos) {
        this.awaitIdentPos = node.start;
      }
    }
    return node;
  };
  pp$5.parseIdentNode = function() {
    var node = this.startNode();
    if (this.type === types$1.name) {
      node.name = this.value;
    } else if (this.type.keyword) {
      node.name = this.type.keyword;
      if ((node.name === "class" || node.name === "function") && (this.lastTokEnd !== this.lastTokStart + 1 || this.input.charCodeAt(this.lastTokStart) !== 46)) {
        this.context.pop();
      }
      this.type = types$1.name;
    } else {
      this.unexpected();
    }
    return node;
  };
  pp$5.parsePrivateIdent = function() {
    var node = this.startNode();
    if (this.type === types$1.privateId) {
      node.name = this.value;
    } else {
      this.unexpected();
    }
    this.next();
    this.finishNode(node, "PrivateIdentifier");
    if (this.options.checkPrivateFields) {
      if (this.privateNameStack.length === 0) {
        this.raise(node.start, "Private field '#" + node.name + "' must be declared in an enclosing class");
      } else {
        this.privateNameStack[this.privateNameStack.length - 1].used.push(node);
      }
    }
    return node;
  };
  pp$5.parseYield = function(forInit) {
    if (!this.yieldPos) {
      this.yieldPos = this.start;
    }
    var node = this.startNode();
    this.next();
    if (this.type === types$1.semi || this.canInsertSemicolon() || this.type !== types$1.star && !this.type.startsExpr) {
      node.delegate = false;
      node.argument = null;
    } else {
      node.delegate = this.eat(types$1.star);
      node.argument = this.parseMaybeAssign(forInit);
    }
    return this.finishNode(node, "YieldExpression");
  };
  pp$5.parseAwait = function(forInit) {
    if (!this.awaitPos) {
      this.awaitPos = this.start;
    }
    var node = this.startNode();
    this.next();
    node.argument = this.parseMaybeUnary(null, true, false, forInit);
    return this.finishNode(node, "AwaitExpression");
  };
  var pp$4 = Parser.prototype;
  pp$4.raise = function(pos, message) {
    var loc = getLineInfo(this.input, pos);
    message += " (" + loc.line + ":" + loc.column + ")";
    if (this.sourceFile) {
      message += " in " + this.sourceFile;
    }
    var err = new SyntaxError(message);
    err.pos = pos;
    err.loc = loc;
    err.raisedAt = this.pos;
    throw err;
  };
  pp$4.raiseRecoverable = pp$4.raise;
  pp$4.curPosition = function() {
    if (this.options.locations) {
      return new Position(this.curLine, this.pos - this.lineStart);
    }
  };
  var pp$3 = Parser.prototype;
  var Scope = function Scope2(flags) {
    this.flags = flags;
    this.var = [];
    this.lexical = [];
    this.functions = [];
  };
  pp$3.enterScope = function(flags) {
    this.scopeStack.push(new Scope(flags));
  };
  pp$3.exitScope = function() {
    this.scopeStack.pop();
  };
  pp$3.treatFunctionsAsVarInScope = function(scope) {
    return scope.flags & SCOPE_FUNCTION || !this.inModule && scope.flags & SCOPE_TOP;
  };
  pp$3.declareName = function(name, bindingType, pos) {
    var redeclared = false;
    if (bindingType === BIND_LEXICAL) {
      var scope = this.currentScope();
      redeclared = scope.lexical.indexOf(name) > -1 || scope.functions.indexOf(name) > -1 || scope.var.indexOf(name) > -1;
      scope.lexical.push(name);
      if (this.inModule && scope.flags & SCOPE_TOP) {
        delete this.undefinedExports[name];
      }
    } else if (bindingType === BIND_SIMPLE_CATCH) {
      var scope$1 = this.currentScope();
      scope$1.lexical.push(name);
    } else if (bindingType === BIND_FUNCTION) {
      var scope$2 = this.currentScope();
      if (this.treatFunctionsAsVar) {
        redeclared = scope$2.lexical.indexOf(name) > -1;
      } else {
        redeclared = scope$2.lexical.indexOf(name) > -1 || scope$2.var.indexOf(name) > -1;
      }
      scope$2.functions.push(name);
    } else {
      for (var i2 = this.scopeStack.length - 1; i2 >= 0; --i2) {
        var scope$3 = this.scopeStack[i2];
        if (scope$3.lexical.indexOf(name) > -1 && !(scope$3.flags & SCOPE_SIMPLE_CATCH && scope$3.lexical[0] === name) || !this.treatFunctionsAsVarInScope(scope$3) && scope$3.functions.indexOf(name) > -1) {
          redeclared = true;
          break;
        }
        scope$3.var.push(name);
        if (this.inModule && scope$3.flags & SCOPE_TOP) {
          delete this.undefinedExports[name];
        }
        if (scope$3.flags & SCOPE_VAR) {
          break;
        }
      }
    }
    if (redeclared) {
      this.raiseRecoverable(pos, "Identifier '" + name + "' has already been declared");
    }
  };
  pp$3.checkLocalExport = function(id) {
    if (this.scopeStack[0].lexical.indexOf(id.name) === -1 && this.scopeStack[0].var.indexOf(id.name) === -1) {
      this.undefinedExports[id.name] = id;
    }
  };
  pp$3.currentScope = function() {
    return this.scopeStack[this.scopeStack.length - 1];
  };
  pp$3.currentVarScope = function() {
    for (var i2 = this.scopeStack.length - 1; ; i2--) {
      var scope = this.scopeStack[i2];
      if (scope.flags & (SCOPE_VAR | SCOPE_CLASS_FIELD_INIT | SCOPE_CLASS_STATIC_BLOCK)) {
        return scope;
      }
    }
  };
  pp$3.currentThisScope = function() {
    for (var i2 = this.scopeStack.length - 1; ; i2--) {
      var scope = this.scopeStack[i2];
      if (scope.flags & (SCOPE_VAR | SCOPE_CLASS_FIELD_INIT | SCOPE_CLASS_STATIC_BLOCK) && !(scope.flags & SCOPE_ARROW)) {
        return scope;
      }
    }
  };
  var Node = function Node2(parser, pos, loc) {
    this.type = "";
    this.start = pos;
    this.end = 0;
    if (parser.options.locations) {
      this.loc = new SourceLocation(parser, loc);
    }
    if (parser.options.directSourceFile) {
      this.sourceFile = parser.options.directSourceFile;
    }
    if (parser.options.ranges) {
      this.range = [pos, 0];
    }
  };
  var pp$2 = Parser.prototype;
  pp$2.startNode = function() {
    return new Node(this, this.start, this.startLoc);
  };
  pp$2.startNodeAt = function(pos, loc) {
    return new Node(this, pos, loc);
  };
  function finishNodeAt(node, type, pos, loc) {
    node.type = type;
    node.end = pos;
    if (this.options.locations) {
      node.loc.end = loc;
    }
    if (this.options.ranges) {
      node.range[1] = pos;
    }
    return node;
  }
  pp$2.finishNode = function(node, type) {
    return finishNodeAt.call(this, node, type, this.lastTokEnd, this.lastTokEndLoc);
  };
  pp$2.finishNodeAt = function(node, type, pos, loc) {
    return finishNodeAt.call(this, node, type, pos, loc);
  };
  pp$2.copyNode = function(node) {
    var newNode = new Node(this, node.start, this.startLoc);
    for (var prop in node) {
      newNode[prop] = node[prop];
    }
    return newNode;
  };
  var scriptValuesAddedInUnicode = "Berf Beria_Erfe Gara Garay Gukh Gurung_Khema Hrkt Katakana_Or_Hiragana Kawi Kirat_Rai Krai Nag_Mundari Nagm Ol_Onal Onao Sidetic Sidt Sunu Sunuwar Tai_Yo Tayo Todhri Todr Tolong_Siki Tols Tulu_Tigalari Tutg Unknown Zzzz";
  var ecma9BinaryProperties = "ASCII ASCII_Hex_Digit AHex Alphabetic Alpha Any Assigned Bidi_Control Bidi_C Bidi_Mirrored Bidi_M Case_Ignorable CI Cased Changes_When_Casefolded CWCF Changes_When_Casemapped CWCM Changes_When_Lowercased CWL Changes_When_NFKC_Casefolded CWKCF Changes_When_Titlecased CWT Changes_When_Uppercased CWU Dash Default_Ignorable_Code_Point DI Deprecated Dep Diacritic Dia Emoji Emoji_Component Emoji_Modifier Emoji_Modifier_Base Emoji_Presentation Extender Ext Grapheme_Base Gr_Base Grapheme_Extend Gr_Ext Hex_Digit Hex IDS_Binary_Operator IDSB IDS_Trinary_Operator IDST ID_Continue IDC ID_Start IDS Ideographic Ideo Join_Control Join_C Logical_Order_Exception LOE Lowercase Lower Math Noncharacter_Code_Point NChar Pattern_Syntax Pat_Syn Pattern_White_Space Pat_WS Quotation_Mark QMark Radical Regional_Indicator RI Sentence_Terminal STerm Soft_Dotted SD Terminal_Punctuation Term Unified_Ideograph UIdeo Uppercase Upper Variation_Selector VS White_Space space XID_Continue XIDC XID_Start XIDS";
  var ecma10BinaryProperties = ecma9BinaryProperties + " Extended_Pictographic";
  var ecma11BinaryProperties = ecma10BinaryProperties;
  var ecma12BinaryProperties = ecma11BinaryProperties + " EBase EComp EMod EPres ExtPict";
  var ecma13BinaryProperties = ecma12BinaryProperties;
  var ecma14BinaryProperties = ecma13BinaryProperties;
  var unicodeBinaryProperties = {
    9: ecma9BinaryProperties,
    10: ecma10BinaryProperties,
    11: ecma11BinaryProperties,
    12: ecma12BinaryProperties,
    13: ecma13BinaryProperties,
    14: ecma14BinaryProperties
  };
  var ecma14BinaryPropertiesOfStrings = "Basic_Emoji Emoji_Keycap_Sequence RGI_Emoji_Modifier_Sequence RGI_Emoji_Flag_Sequence RGI_Emoji_Tag_Sequence RGI_Emoji_ZWJ_Sequence RGI_Emoji";
  var unicodeBinaryPropertiesOfStrings = {
    9: "",
    10: "",
    11: "",
    12: "",
    13: "",
    14: ecma14BinaryPropertiesOfStrings
  };
  var unicodeGeneralCategoryValues = "Cased_Letter LC Close_Punctuation Pe Connector_Punctuation Pc Control Cc cntrl Currency_Symbol Sc Dash_Punctuation Pd Decimal_Number Nd digit Enclosing_Mark Me Final_Punctuation Pf Format Cf Initial_Punctuation Pi Letter L Letter_Number Nl Line_Separator Zl Lowercase_Letter Ll Mark M Combining_Mark Math_Symbol Sm Modifier_Letter Lm Modifier_Symbol Sk Nonspacing_Mark Mn Number N Open_Punctuation Ps Other C Other_Letter Lo Other_Number No Other_Punctuation Po Other_Symbol So Paragraph_Separator Zp Private_Use Co Punctuation P punct Separator Z Space_Separator Zs Spacing_Mark Mc Surrogate Cs Symbol S Titlecase_Letter Lt Unassigned Cn Uppercase_Letter Lu";
  var ecma9ScriptValues = "Adlam Adlm Ahom Anatolian_Hieroglyphs Hluw Arabic Arab Armenian Armn Avestan Avst Balinese Bali Bamum Bamu Bassa_Vah Bass Batak Batk Bengali Beng Bhaiksuki Bhks Bopomofo Bopo Brahmi Brah Braille Brai Buginese Bugi Buhid Buhd Canadian_Aboriginal Cans Carian Cari Caucasian_Albanian Aghb Chakma Cakm Cham Cham Cherokee Cher Common Zyyy Coptic Copt Qaac Cuneiform Xsux Cypriot Cprt Cyrillic Cyrl Deseret Dsrt Devanagari Deva Duployan Dupl Egyptian_Hieroglyphs Egyp Elbasan Elba Ethiopic Ethi Georgian Geor Glagolitic Glag Gothic Goth Grantha Gran Greek Grek Gujarati Gujr Gurmukhi Guru Han Hani Hangul Hang Hanunoo Hano Hatran Hatr Hebrew Hebr Hiragana Hira Imperial_Aramaic Armi Inherited Zinh Qaai Inscriptional_Pahlavi Phli Inscriptional_Parthian Prti Javanese Java Kaithi Kthi Kannada Knda Katakana Kana Kayah_Li Kali Kharoshthi Khar Khmer Khmr Khojki Khoj Khudawadi Sind Lao Laoo Latin Latn Lepcha Lepc Limbu Limb Linear_A Lina Linear_B Linb Lisu Lisu Lycian Lyci Lydian Lydi Mahajani Mahj Malayalam Mlym Mandaic Mand Manichaean Mani Marchen Marc Masaram_Gondi Gonm Meetei_Mayek Mtei Mende_Kikakui Mend Meroitic_Cursive Merc Meroitic_Hieroglyphs Mero Miao Plrd Modi Mongolian Mong Mro Mroo Multani Mult Myanmar Mymr Nabataean Nbat New_Tai_Lue Talu Newa Newa Nko Nkoo Nushu Nshu Ogham Ogam Ol_Chiki Olck Old_Hungarian Hung Old_Italic Ital Old_North_Arabian Narb Old_Permic Perm Old_Persian Xpeo Old_South_Arabian Sarb Old_Turkic Orkh Oriya Orya Osage Osge Osmanya Osma Pahawh_Hmong Hmng Palmyrene Palm Pau_Cin_Hau Pauc Phags_Pa Phag Phoenician Phnx Psalter_Pahlavi Phlp Rejang Rjng Runic Runr Samaritan Samr Saurashtra Saur Sharada Shrd Shavian Shaw Siddham Sidd SignWriting Sgnw Sinhala Sinh Sora_Sompeng Sora Soyombo Soyo Sundanese Sund Syloti_Nagri Sylo Syriac Syrc Tagalog Tglg Tagbanwa Tagb Tai_Le Tale Tai_Tham Lana Tai_Viet Tavt Takri Takr Tamil Taml Tangut Tang Telugu Telu Thaana Thaa Thai Thai Tibetan Tibt Tifinagh Tfng Tirhuta Tirh Ugaritic Ugar Vai Vaii Warang_Citi Wara Yi Yiii Zanabazar_Square Zanb";
  var ecma10ScriptValues = ecma9ScriptValues + " Dogra Dogr Gunjala_Gondi Gong Hanifi_Rohingya Rohg Makasar Maka Medefaidrin Medf Old_Sogdian Sogo Sogdian Sogd";
  var ecma11ScriptValues = ecma10ScriptValues + " Elymaic Elym Nandinagari Nand Nyiakeng_Puachue_Hmong Hmnp Wancho Wcho";
  var ecma12ScriptValues = ecma11ScriptValues + " Chorasmian Chrs Diak Dives_Akuru Khitan_Small_Script Kits Yezi Yezidi";
  var ecma13ScriptValues = ecma12ScriptValues + " Cypro_Minoan Cpmn Old_Uyghur Ougr Tangsa Tnsa Toto Vithkuqi Vith";
  var ecma14ScriptValues = ecma13ScriptValues + " " + scriptValuesAddedInUnicode;
  var unicodeScriptValues = {
    9: ecma9ScriptValues,
    10: ecma10ScriptValues,
    11: ecma11ScriptValues,
    12: ecma12ScriptValues,
    13: ecma13ScriptValues,
    14: ecma14ScriptValues
  };
  var data = {};
  function buildUnicodeData(ecmaVersion2) {
    var d = data[ecmaVersion2] = {
      binary: wordsRegexp(unicodeBinaryProperties[ecmaVersion2] + " " + unicodeGeneralCategoryValues),
      binaryOfStrings: wordsRegexp(unicodeBinaryPropertiesOfStrings[ecmaVersion2]),
      nonBinary: {
        General_Category: wordsRegexp(unicodeGeneralCategoryValues),
        Script: wordsRegexp(unicodeScriptValues[ecmaVersion2])
      }
    };
    d.nonBinary.Script_Extensions = d.nonBinary.Script;
    d.nonBinary.gc = d.nonBinary.General_Category;
    d.nonBinary.sc = d.nonBinary.Script;
    d.nonBinary.scx = d.nonBinary.Script_Extensions;
  }
  for (i = 0, list = [9, 10, 11, 12, 13, 14]; i < list.length; i += 1) {
    ecmaVersion = list[i];
    buildUnicodeData(ecmaVersion);
  }
  var ecmaVersion;
  var i;
  var list;
  var pp$1 = Parser.prototype;
  var BranchID = function BranchID2(parent, base) {
    this.parent = parent;
    this.base = base || this;
  };
  BranchID.prototype.separatedFrom = function separatedFrom(alt) {
    for (var self = this; self; self = self.parent) {
      for (var other = alt; other; other = other.parent) {
        if (self.base === other.base && self !== other) {
          return true;
        }
      }
    }
    return false;
  };
  BranchID.prototype.sibling = function sibling() {
    return new BranchID(this.parent, this.base);
  };
  var RegExpValidationState = function RegExpValidationState2(parser) {
    this.parser = parser;
    this.validFlags = "gim" + (parser.options.ecmaVersion >= 6 ? "uy" : "") + (parser.options.ecmaVersion >= 9 ? "s" : "") + (parser.options.ecmaVersion >= 13 ? "d" : "") + (parser.options.ecmaVersion >= 15 ? "v" : "");
    this.unicodeProperties = data[parser.options.ecmaVersion >= 14 ? 14 : parser.options.ecmaVersion];
    this.source = "";
    this.flags = "";
    this.start = 0;
    this.switchU = false;
    this.switchV = false;
    this.switchN = false;
    this.pos = 0;
    this.lastIntValue = 0;
    this.lastStringValue = "";
    this.lastAssertionIsQuantifiable = false;
    this.numCapturingParens = 0;
    this.maxBackReference = 0;
    this.groupNames = /* @__PURE__ */ Object.create(null);
    this.backReferenceNames = [];
    this.branchID = null;
  };
  RegExpValidationState.prototype.reset = function reset(start, pattern, flags) {
    var unicodeSets = flags.indexOf("v") !== -1;
    var unicode = flags.indexOf("u") !== -1;
    this.start = start | 0;
    this.source = pattern + "";
    this.flags = flags;
    if (unicodeSets && this.parser.options.ecmaVersion >= 15) {
      this.switchU = true;
      this.switchV = true;
      this.switchN = true;
    } else {
      this.switchU = unicode && this.parser.options.ecmaVersion >= 6;
      this.switchV = false;
      this.switchN = unicode && this.parser.options.ecmaVersion >= 9;
    }
  };
  RegExpValidationState.prototype.raise = function raise(message) {
    this.parser.raiseRecoverable(this.start, "Invalid regular expression: /" + this.source + "/: " + message);
  };
  RegExpValidationState.prototype.at = function at(i2, forceU) {
    if (forceU === void 0) forceU = false;
    var s = this.source;
    var l = s.length;
    if (i2 >= l) {
      return -1;
    }
    var c = s.charCodeAt(i2);
    if (!(forceU || this.switchU) || c <= 55295 || c >= 57344 || i2 + 1 >= l) {
      return c;
    }
    var next = s.charCodeAt(i2 + 1);
    return next >= 56320 && next <= 57343 ? (c << 10) + next - 56613888 : c;
  };
  RegExpValidationState.prototype.nextIndex = function nextIndex(i2, forceU) {
    if (forceU === void 0) forceU = false;
    var s = this.source;
    var l = s.length;
    if (i2 >= l) {
      return l;
    }
    var c = s.charCodeAt(i2), next;
    if (!(forceU || this.switchU) || c <= 55295 || c >= 57344 || i2 + 1 >= l || (next = s.charCodeAt(i2 + 1)) < 56320 || next > 57343) {
      return i2 + 1;
    }
    return i2 + 2;
  };
  RegExpValidationState.prototype.current = function current(forceU) {
    if (forceU === void 0) forceU = false;
    return this.at(this.pos, forceU);
  };
  RegExpValidationState.prototype.lookahead = function lookahead(forceU) {
    if (forceU === void 0) forceU = false;
    return this.at(this.nextIndex(this.pos, forceU), forceU);
  };
  RegExpValidationState.prototype.advance = function advance(forceU) {
    if (forceU === void 0) forceU = false;
    this.pos = this.nextIndex(this.pos, forceU);
  };
  RegExpValidationState.prototype.eat = function eat(ch, forceU) {
    if (forceU === void 0) forceU = false;
    if (this.current(forceU) === ch) {
      this.advance(forceU);
      return true;
    }
    return false;
  };
  RegExpValidationState.prototype.eatChars = function eatChars(chs, forceU) {
    if (forceU === void 0) forceU = false;
    var pos = this.pos;
    for (var i2 = 0, list2 = chs; i2 < list2.length; i2 += 1) {
      var ch = list2[i2];
      var current2 = this.at(pos, forceU);
      if (current2 === -1 || current2 !== ch) {
        return false;
      }
      pos = this.nextIndex(pos, forceU);
    }
    this.pos = pos;
    return true;
  };
  pp$1.validateRegExpFlags = function(state) {
    var validFlags = state.validFlags;
    var flags = state.flags;
    var u = false;
    var v = false;
    for (var i2 = 0; i2 < flags.length; i2++) {
      var flag = flags.charAt(i2);
      if (validFlags.indexOf(flag) === -1) {
        this.raise(state.start, "Invalid regular expression flag");
      }
      if (flags.indexOf(flag, i2 + 1) > -1) {
        this.raise(state.start, "Duplicate regular expression flag");
      }
      if (flag === "u") {
        u = true;
      }
      if (flag === "v") {
        v = true;
      }
    }
    if (this.options.ecmaVersion >= 15 && u && v) {
      this.raise(state.start, "Invalid regular expression flag");
    }
  };
  function hasProp(obj) {
    for (var _ in obj) {
      return true;
    }
    return false;
  }
  pp$1.validateRegExpPattern = function(state) {
    this.regexp_pattern(state);
    if (!state.switchN && this.options.ecmaVersion >= 9 && hasProp(state.groupNames)) {
      state.switchN = true;
      this.regexp_pattern(state);
    }
  };
  pp$1.regexp_pattern = function(state) {
    state.pos = 0;
    state.lastIntValue = 0;
    state.lastStringValue = "";
    state.lastAssertionIsQuantifiable = false;
    state.numCapturingParens = 0;
    state.maxBackReference = 0;
    state.groupNames = /* @__PURE__ */ Object.create(null);
    state.backReferenceNames.length = 0;
    state.branchID = null;
    this.regexp_disjunction(state);
    if (state.pos !== state.source.length) {
      if (state.eat(
        41
        /* ) */
      )) {
        state.raise("Unmatched ')'");
      }
      if (state.eat(
        93
        /* ] */
      ) || state.eat(
        125
        /* } */
      )) {
        state.raise("Lone quantifier brackets");
      }
    }
    if (state.maxBackReference > state.numCapturingParens) {
      state.raise("Invalid escape");
    }
    for (var i2 = 0, list2 = state.backReferenceNames; i2 < list2.length; i2 += 1) {
      var name = list2[i2];
      if (!state.groupNames[name]) {
        state.raise("Invalid named capture referenced");
      }
    }
  };
  pp$1.regexp_disjunction = function(state) {
    var trackDisjunction = this.options.ecmaVersion >= 16;
    if (trackDisjunction) {
      state.branchID = new BranchID(state.branchID, null);
    }
    this.regexp_alternative(state);
    while (state.eat(
      124
      /* | */
    )) {
      if (trackDisjunction) {
        state.branchID = state.branchID.sibling();
      }
      this.regexp_alternative(state);
    }
    if (trackDisjunction) {
      state.branchID = state.branchID.parent;
    }
    if (this.regexp_eatQuantifier(state, true)) {
      state.raise("Nothing to repeat");
    }
    if (state.eat(
      123
      /* { */
    )) {
      state.raise("Lone quantifier brackets");
    }
  };
  pp$1.regexp_alternative = function(state) {
    while (state.pos < state.source.length && this.regexp_eatTerm(state)) {
    }
  };
  pp$1.regexp_eatTerm = function(state) {
    if (this.regexp_eatAssertion(state)) {
      if (state.lastAssertionIsQuantifiable && this.regexp_eatQuantifier(state)) {
        if (state.switchU) {
          state.raise("Invalid quantifier");
        }
      }
      return true;
    }
    if (state.switchU ? this.regexp_eatAtom(state) : this.regexp_eatExtendedAtom(state)) {
      this.regexp_eatQuantifier(state);
      return true;
    }
    return false;
  };
  pp$1.regexp_eatAssertion = function(state) {
    var start = state.pos;
    state.lastAssertionIsQuantifiable = false;
    if (state.eat(
      94
      /* ^ */
    ) || state.eat(
      36
      /* $ */
    )) {
      return true;
    }
    if (state.eat(
      92
      /* \ */
    )) {
      if (state.eat(
        66
        /* B */
      ) || state.eat(
        98
        /* b */
      )) {
        return true;
      }
      state.pos = start;
    }
    if (state.eat(
      40
      /* ( */
    ) && state.eat(
      63
      /* ? */
    )) {
      var lookbehind = false;
      if (this.options.ecmaVersion >= 9) {
        lookbehind = state.eat(
          60
          /* < */
        );
      }
      if (state.eat(
        61
        /* = */
      ) || state.eat(
        33
        /* ! */
      )) {
        this.regexp_disjunction(state);
        if (!state.eat(
          41
          /* ) */
        )) {
          state.raise("Unterminated group");
        }
        state.lastAssertionIsQuantifiable = !lookbehind;
        return true;
      }
    }
    state.pos = start;
    return false;
  };
  pp$1.regexp_eatQuantifier = function(state, noError) {
    if (noError === void 0) noError = false;
    if (this.regexp_eatQuantifierPrefix(state, noError)) {
      state.eat(
        63
        /* ? */
      );
      return true;
    }
    return false;
  };
  pp$1.regexp_eatQuantifierPrefix = function(state, noError) {
    return state.eat(
      42
      /* * */
    ) || state.eat(
      43
      /* + */
    ) || state.eat(
      63
      /* ? */
    ) || this.regexp_eatBracedQuantifier(state, noError);
  };
  pp$1.regexp_eatBracedQuantifier = function(state, noError) {
    var start = state.pos;
    if (state.eat(
      123
      /* { */
    )) {
      var min = 0, max = -1;
      if (this.regexp_eatDecimalDigits(state)) {
        min = state.lastIntValue;
        if (state.eat(
          44
          /* , */
        ) && this.regexp_eatDecimalDigits(state)) {
          max = state.lastIntValue;
        }
        if (state.eat(
          125
          /* } */
        )) {
          if (max !== -1 && max < min && !noError) {
            state.raise("numbers out of order in {} quantifier");
          }
          return true;
        }
      }
      if (state.switchU && !noError) {
        state.raise("Incomplete quantifier");
      }
      state.pos = start;
    }
    return false;
  };
  pp$1.regexp_eatAtom = function(state) {
    return this.regexp_eatPatternCharacters(state) || state.eat(
      46
      /* . */
    ) || this.regexp_eatReverseSolidusAtomEscape(state) || this.regexp_eatCharacterClass(state) || this.regexp_eatUncapturingGroup(state) || this.regexp_eatCapturingGroup(state);
  };
  pp$1.regexp_eatReverseSolidusAtomEscape = function(state) {
    var start = state.pos;
    if (state.eat(
      92
      /* \ */
    )) {
      if (this.regexp_eatAtomEscape(state)) {
        return true;
      }
      state.pos = start;
    }
    return false;
  };
  pp$1.regexp_eatUncapturingGroup = function(state) {
    var start = state.pos;
    if (state.eat(
      40
      /* ( */
    )) {
      if (state.eat(
        63
        /* ? */
      )) {
        if (this.options.ecmaVersion >= 16) {
          var addModifiers = this.regexp_eatModifiers(state);
          var hasHyphen = state.eat(
            45
            /* - */
          );
          if (addModifiers || hasHyphen) {
            for (var i2 = 0; i2 < addModifiers.length; i2++) {
              var modifier = addModifiers.charAt(i2);
              if (addModifiers.indexOf(modifier, i2 + 1) > -1) {
                state.raise("Duplicate regular expression modifiers");
              }
            }
            if (hasHyphen) {
              var removeModifiers = this.regexp_eatModifiers(state);
              if (!addModifiers && !removeModifiers && state.current() === 58) {
                state.raise("Invalid regular expression modifiers");
              }
              for (var i$1 = 0; i$1 < removeModifiers.length; i$1++) {
                var modifier$1 = removeModifiers.charAt(i$1);
                if (removeModifiers.indexOf(modifier$1, i$1 + 1) > -1 || addModifiers.indexOf(modifier$1) > -1) {
                  state.raise("Duplicate regular expression modifiers");
                }
              }
            }
          }
        }
        if (state.eat(
          58
          /* : */
        )) {
          this.regexp_disjunction(state);
          if (state.eat(
            41
            /* ) */
          )) {
            return true;
          }
          state.raise("Unterminated group");
        }
      }
      state.pos = start;
    }
    return false;
  };
  pp$1.regexp_eatCapturingGroup = function(state) {
    if (state.eat(
      40
      /* ( */
    )) {
      if (this.options.ecmaVersion >= 9) {
        this.regexp_groupSpecifier(state);
      } else if (state.current() === 63) {
        state.raise("Invalid group");
      }
      this.regexp_disjunction(state);
      if (state.eat(
        41
        /* ) */
      )) {
        state.numCapturingParens += 1;
        return true;
      }
      state.raise("Unterminated group");
    }
    return false;
  };
  pp$1.regexp_eatModifiers = function(state) {
    var modifiers = "";
    var ch = 0;
    while ((ch = state.current()) !== -1 && isRegularExpressionModifier(ch)) {
      modifiers += codePointToString(ch);
      state.advance();
    }
    return modifiers;
  };
  function isRegularExpressionModifier(ch) {
    return ch === 105 || ch === 109 || ch === 115;
  }
  pp$1.regexp_eatExtendedAtom = function(state) {
    return state.eat(
      46
      /* . */
    ) || this.regexp_eatReverseSolidusAtomEscape(state) || this.regexp_eatCharacterClass(state) || this.regexp_eatUncapturingGroup(state) || this.regexp_eatCapturingGroup(state) || this.regexp_eatInvalidBracedQuantifier(state) || this.regexp_eatExtendedPatternCharacter(state);
  };
  pp$1.regexp_eatInvalidBracedQuantifier = function(state) {
    if (this.regexp_eatBracedQuantifier(state, true)) {
      state.raise("Nothing to repeat");
    }
    return false;
  };
  pp$1.regexp_eatSyntaxCharacter = function(state) {
    var ch = state.current();
    if (isSyntaxCharacter(ch)) {
      state.lastIntValue = ch;
      state.advance();
      return true;
    }
    return false;
  };
  function isSyntaxCharacter(ch) {
    return ch === 36 || ch >= 40 && ch <= 43 || ch === 46 || ch === 63 || ch >= 91 && ch <= 94 || ch >= 123 && ch <= 125;
  }
  pp$1.regexp_eatPatternCharacters = function(state) {
    var start = state.pos;
    var ch = 0;
    while ((ch = state.current()) !== -1 && !isSyntaxCharacter(ch)) {
      state.advance();
    }
    return state.pos !== start;
  };
  pp$1.regexp_eatExtendedPatternCharacter = function(state) {
    var ch = state.current();
    if (ch !== -1 && ch !== 36 && !(ch >= 40 && ch <= 43) && ch !== 46 && ch !== 63 && ch !== 91 && ch !== 94 && ch !== 124) {
      state.advance();
      return true;
    }
    return false;
  };
  pp$1.regexp_groupSpecifier = function(state) {
    if (state.eat(
      63
      /* ? */
    )) {
      if (!this.regexp_eatGroupName(state)) {
        state.raise("Invalid group");
      }
      var trackDisjunction = this.options.ecmaVersion >= 16;
      var known = state.groupNames[state.lastStringValue];
      if (known) {
        if (trackDisjunction) {
          for (var i2 = 0, list2 = known; i2 < list2.length; i2 += 1) {
            var altID = list2[i2];
            if (!altID.separatedFrom(state.branchID)) {
              state.raise("Duplicate capture group name");
            }
          }
        } else {
          state.raise("Duplicate capture group name");
        }
      }
      if (trackDisjunction) {
        (known || (state.groupNames[state.lastStringValue] = [])).push(state.branchID);
      } else {
        state.groupNames[state.lastStringValue] = true;
      }
    }
  };
  pp$1.regexp_eatGroupName = function(state) {
    state.lastStringValue = "";
    if (state.eat(
      60
      /* < */
    )) {
      if (this.regexp_eatRegExpIdentifierName(state) && state.eat(
        62
        /* > */
      )) {
        return true;
      }
      state.raise("Invalid capture group name");
    }
    return false;
  };
  pp$1.regexp_eatRegExpIdentifierName = function(state) {
    state.lastStringValue = "";
    if (this.regexp_eatRegExpIdentifierStart(state)) {
      state.lastStringValue += codePointToString(state.lastIntValue);
      while (this.regexp_eatRegExpIdentifierPart(state)) {
        state.lastStringValue += codePointToString(state.lastIntValue);
      }
      return true;
    }
    return false;
  };
  pp$1.regexp_eatRegExpIdentifierStart = function(state) {
    var start = state.pos;
    var forceU = this.options.ecmaVersion >= 11;
    var ch = state.current(forceU);
    state.advance(forceU);
    if (ch === 92 && this.regexp_eatRegExpUnicodeEscapeSequence(state, forceU)) {
      ch = state.lastIntValue;
    }
    if (isRegExpIdentifierStart(ch)) {
      state.lastIntValue = ch;
      return true;
    }
    state.pos = start;
    return false;
  };
  function isRegExpIdentifierStart(ch) {
    return isIdentifierStart(ch, true) || ch === 36 || ch === 95;
  }
  pp$1.regexp_eatRegExpIdentifierPart = function(state) {
    var start = state.pos;
    var forceU = this.options.ecmaVersion >= 11;
    var ch = state.current(forceU);
    state.advance(forceU);
    if (ch === 92 && this.regexp_eatRegExpUnicodeEscapeSequence(state, forceU)) {
      ch = state.lastIntValue;
    }
    if (isRegExpIdentifierPart(ch)) {
      state.lastIntValue = ch;
      return true;
    }
    state.pos = start;
    return false;
  };
  function isRegExpIdentifierPart(ch) {
    return isIdentifierChar(ch, true) || ch === 36 || ch === 95 || ch === 8204 || ch === 8205;
  }
  pp$1.regexp_eatAtomEscape = function(state) {
    if (this.regexp_eatBackReference(state) || this.regexp_eatCharacterClassEscape(state) || this.regexp_eatCharacterEscape(state) || state.switchN && this.regexp_eatKGroupName(state)) {
      return true;
    }
    if (state.switchU) {
      if (state.current() === 99) {
        state.raise("Invalid unicode escape");
      }
      state.raise("Invalid escape");
    }
    return false;
  };
  pp$1.regexp_eatBackReference = function(state) {
    var start = state.pos;
    if (this.regexp_eatDecimalEscape(state)) {
      var n = state.lastIntValue;
      if (state.switchU) {
        if (n > state.maxBackReference) {
          state.maxBackReference = n;
        }
        return true;
      }
      if (n <= state.numCapturingParens) {
        return true;
      }
      state.pos = start;
    }
    return false;
  };
  pp$1.regexp_eatKGroupName = function(state) {
    if (state.eat(
      107
      /* k */
    )) {
      if (this.regexp_eatGroupName(state)) {
        state.backReferenceNames.push(state.lastStringValue);
        return true;
      }
      state.raise("Invalid named reference");
    }
    return false;
  };
  pp$1.regexp_eatCharacterEscape = function(state) {
    return this.regexp_eatControlEscape(state) || this.regexp_eatCControlLetter(state) || this.regexp_eatZero(state) || this.regexp_eatHexEscapeSequence(state) || this.regexp_eatRegExpUnicodeEscapeSequence(state, false) || !state.switchU && this.regexp_eatLegacyOctalEscapeSequence(state) || this.regexp_eatIdentityEscape(state);
  };
  pp$1.regexp_eatCControlLetter = function(state) {
    var start = state.pos;
    if (state.eat(
      99
      /* c */
    )) {
      if (this.regexp_eatControlLetter(state)) {
        return true;
      }
      state.pos = start;
    }
    return false;
  };
  pp$1.regexp_eatZero = function(state) {
    if (state.current() === 48 && !isDecimalDigit(state.lookahead())) {
      state.lastIntValue = 0;
      state.advance();
      return true;
    }
    return false;
  };
  pp$1.regexp_eatControlEscape = function(state) {
    var ch = state.current();
    if (ch === 116) {
      state.lastIntValue = 9;
      state.advance();
      return true;
    }
    if (ch === 110) {
      state.lastIntValue = 10;
      state.advance();
      return true;
    }
    if (ch === 118) {
      state.lastIntValue = 11;
      state.advance();
      return true;
    }
    if (ch === 102) {
      state.lastIntValue = 12;
      state.advance();
      return true;
    }
    if (ch === 114) {
      state.lastIntValue = 13;
      state.advance();
      return true;
    }
    return false;
  };
  pp$1.regexp_eatControlLetter = function(state) {
    var ch = state.current();
    if (isControlLetter(ch)) {
      state.lastIntValue = ch % 32;
      state.advance();
      return true;
    }
    return false;
  };
  function isControlLetter(ch) {
    return ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122;
  }
  pp$1.regexp_eatRegExpUnicodeEscapeSequence = function(state, forceU) {
    if (forceU === void 0) forceU = false;
    var start = state.pos;
    var switchU = forceU || state.switchU;
    if (state.eat(
      117
      /* u */
    )) {
      if (this.regexp_eatFixedHexDigits(state, 4)) {
        var lead = state.lastIntValue;
        if (switchU && lead >= 55296 && lead <= 56319) {
          var leadSurrogateEnd = state.pos;
          if (state.eat(
            92
            /* \ */
          ) && state.eat(
            117
            /* u */
          ) && this.regexp_eatFixedHexDigits(state, 4)) {
            var trail = state.lastIntValue;
            if (trail >= 56320 && trail <= 57343) {
              state.lastIntValue = (lead - 55296) * 1024 + (trail - 56320) + 65536;
              return true;
            }
          }
          state.pos = leadSurrogateEnd;
          state.lastIntValue = lead;
        }
        return true;
      }
      if (switchU && state.eat(
        123
        /* { */
      ) && this.regexp_eatHexDigits(state) && state.eat(
        125
        /* } */
      ) && isValidUnicode(state.lastIntValue)) {
        return true;
      }
      if (switchU) {
        state.raise("Invalid unicode escape");
      }
      state.pos = start;
    }
    return false;
  };
  function isValidUnicode(ch) {
    return ch >= 0 && ch <= 1114111;
  }
  pp$1.regexp_eatIdentityEscape = function(state) {
    if (state.switchU) {
      if (this.regexp_eatSyntaxCharacter(state)) {
        return true;
      }
      if (state.eat(
        47
        /* / */
      )) {
        state.lastIntValue = 47;
        return true;
      }
      return false;
    }
    var ch = state.current();
    if (ch !== 99 && (!state.switchN || ch !== 107)) {
      state.lastIntValue = ch;
      state.advance();
      return true;
    }
    return false;
  };
  pp$1.regexp_eatDecimalEscape = function(state) {
    state.lastIntValue = 0;
    var ch = state.current();
    if (ch >= 49 && ch <= 57) {
      do {
        state.lastIntValue = 10 * state.lastIntValue + (ch - 48);
        state.advance();
      } while ((ch = state.current()) >= 48 && ch <= 57);
      return true;
    }
    return false;
  };
  var CharSetNone = 0;
  var CharSetOk = 1;
  var CharSetString = 2;
  pp$1.regexp_eatCharacterClassEscape = function(state) {
    var ch = state.current();
    if (isCharacterClassEscape(ch)) {
      state.lastIntValue = -1;
      state.advance();
      return CharSetOk;
    }
    var negate = false;
    if (state.switchU && this.options.ecmaVersion >= 9 && ((negate = ch === 80) || ch === 112)) {
      state.lastIntValue = -1;
      state.advance();
      var result;
      if (state.eat(
        123
        /* { */
      ) && (result = this.regexp_eatUnicodePropertyValueExpression(state)) && state.eat(
        125
        /* } */
      )) {
        if (negate && result === CharSetString) {
          state.raise("Invalid property name");
        }
        return result;
      }
      state.raise("Invalid property name");
    }
    return CharSetNone;
  };
  function isCharacterClassEscape(ch) {
    return ch === 100 || ch === 68 || ch === 115 || ch === 83 || ch === 119 || ch === 87;
  }
  pp$1.regexp_eatUnicodePropertyValueExpression = function(state) {
    var start = state.pos;
    if (this.regexp_eatUnicodePropertyName(state) && state.eat(
      61
      /* = */
    )) {
      var name = state.lastStringValue;
      if (this.regexp_eatUnicodePropertyValue(state)) {
        var value = state.lastStringValue;
        this.regexp_validateUnicodePropertyNameAndValue(state, name, value);
        return CharSetOk;
      }
    }
    state.pos = start;
    if (this.regexp_eatLoneUnicodePropertyNameOrValue(state)) {
      var nameOrValue = state.lastStringValue;
      return this.regexp_validateUnicodePropertyNameOrValue(state, nameOrValue);
    }
    return CharSetNone;
  };
  pp$1.regexp_validateUnicodePropertyNameAndValue = function(state, name, value) {
    if (!hasOwn(state.unicodeProperties.nonBinary, name)) {
      state.raise("Invalid property name");
    }
    if (!state.unicodeProperties.nonBinary[name].test(value)) {
      state.raise("Invalid property value");
    }
  };
  pp$1.regexp_validateUnicodePropertyNameOrValue = function(state, nameOrValue) {
    if (state.unicodeProperties.binary.test(nameOrValue)) {
      return CharSetOk;
    }
    if (state.switchV && state.unicodeProperties.binaryOfStrings.test(nameOrValue)) {
      return CharSetString;
    }
    state.raise("Invalid property name");
  };
  pp$1.regexp_eatUnicodePropertyName = function(state) {
    var ch = 0;
    state.lastStringValue = "";
    while (isUnicodePropertyNameCharacter(ch = state.current())) {
      state.lastStringValue += codePointToString(ch);
      state.advance();
    }
    return state.lastStringValue !== "";
  };
  function isUnicodePropertyNameCharacter(ch) {
    return isControlLetter(ch) || ch === 95;
  }
  pp$1.regexp_eatUnicodePropertyValue = function(state) {
    var ch = 0;
    state.lastStringValue = "";
    while (isUnicodePropertyValueCharacter(ch = state.current())) {
      state.lastStringValue += codePointToString(ch);
      state.advance();
    }
    return state.lastStringValue !== "";
  };
  function isUnicodePropertyValueCharacter(ch) {
    return isUnicodePropertyNameCharacter(ch) || isDecimalDigit(ch);
  }
  pp$1.regexp_eatLoneUnicodePropertyNameOrValue = function(state) {
    return this.regexp_eatUnicodePropertyValue(state);
  };
  pp$1.regexp_eatCharacterClass = function(state) {
    if (state.eat(
      91
      /* [ */
    )) {
      var negate = state.eat(
        94
        /* ^ */
      );
      var result = this.regexp_classContents(state);
      if (!state.eat(
        93
        /* ] */
      )) {
        state.raise("Unterminated character class");
      }
      if (negate && result === CharSetString) {
        state.raise("Negated character class may contain strings");
      }
      return true;
    }
    return false;
  };
  pp$1.regexp_classContents = function(state) {
    if (state.current() === 93) {
      return CharSetOk;
    }
    if (state.switchV) {
      return this.regexp_classSetExpression(state);
    }
    this.regexp_nonEmptyClassRanges(state);
    return CharSetOk;
  };
  pp$1.regexp_nonEmptyClassRanges = function(state) {
    while (this.regexp_eatClassAtom(state)) {
      var left = state.lastIntValue;
      if (state.eat(
        45
        /* - */
      ) && this.regexp_eatClassAtom(state)) {
        var right = state.lastIntValue;
        if (state.switchU && (left === -1 || right === -1)) {
          state.raise("Invalid character class");
        }
        if (left !== -1 && right !== -1 && left > right) {
          state.raise("Range out of order in character class");
        }
      }
    }
  };
  pp$1.regexp_eatClassAtom = function(state) {
    var start = state.pos;
    if (state.eat(
      92
      /* \ */
    )) {
      if (this.regexp_eatClassEscape(state)) {
        return true;
      }
      if (state.switchU) {
        var ch$1 = state.current();
        if (ch$1 === 99 || isOctalDigit(ch$1)) {
          state.raise("Invalid class escape");
        }
        state.raise("Invalid escape");
      }
      state.pos = start;
    }
    var ch = state.current();
    if (ch !== 93) {
      state.lastIntValue = ch;
      state.advance();
      return true;
    }
    return false;
  };
  pp$1.regexp_eatClassEscape = function(state) {
    var start = state.pos;
    if (state.eat(
      98
      /* b */
    )) {
      state.lastIntValue = 8;
      return true;
    }
    if (state.switchU && state.eat(
      45
      /* - */
    )) {
      state.lastIntValue = 45;
      return true;
    }
    if (!state.switchU && state.eat(
      99
      /* c */
    )) {
      if (this.regexp_eatClassControlLetter(state)) {
        return true;
      }
      state.pos = start;
    }
    return this.regexp_eatCharacterClassEscape(state) || this.regexp_eatCharacterEscape(state);
  };
  pp$1.regexp_classSetExpression = function(state) {
    var result = CharSetOk, subResult;
    if (this.regexp_eatClassSetRange(state)) ;
    else if (subResult = this.regexp_eatClassSetOperand(state)) {
      if (subResult === CharSetString) {
        result = CharSetString;
      }
      var start = state.pos;
      while (state.eatChars(
        [38, 38]
        /* && */
      )) {
        if (state.current() !== 38 && (subResult = this.regexp_eatClassSetOperand(state))) {
          if (subResult !== CharSetString) {
            result = CharSetOk;
          }
          continue;
        }
        state.raise("Invalid character in character class");
      }
      if (start !== state.pos) {
        return result;
      }
      while (state.eatChars(
        [45, 45]
        /* -- */
      )) {
        if (this.regexp_eatClassSetOperand(state)) {
          continue;
        }
        state.raise("Invalid character in character class");
      }
      if (start !== state.pos) {
        return result;
      }
    } else {
      state.raise("Invalid character in character class");
    }
    for (; ; ) {
      if (this.regexp_eatClassSetRange(state)) {
        continue;
      }
      subResult = this.regexp_eatClassSetOperand(state);
      if (!subResult) {
        return result;
      }
      if (subResult === CharSetString) {
        result = CharSetString;
      }
    }
  };
  pp$1.regexp_eatClassSetRange = function(state) {
    var start = state.pos;
    if (this.regexp_eatClassSetCharacter(state)) {
      var left = state.lastIntValue;
      if (state.eat(
        45
        /* - */
      ) && this.regexp_eatClassSetCharacter(state)) {
        var right = state.lastIntValue;
        if (left !== -1 && right !== -1 && left > right) {
          state.raise("Range out of order in character class");
        }
        return true;
      }
      state.pos = start;
    }
    return false;
  };
  pp$1.regexp_eatClassSetOperand = function(state) {
    if (this.regexp_eatClassSetCharacter(state)) {
      return CharSetOk;
    }
    return this.regexp_eatClassStringDisjunction(state) || this.regexp_eatNestedClass(state);
  };
  pp$1.regexp_eatNestedClass = function(state) {
    var start = state.pos;
    if (state.eat(
      91
      /* [ */
    )) {
      var negate = state.eat(
        94
        /* ^ */
      );
      var result = this.regexp_classContents(state);
      if (state.eat(
        93
        /* ] */
      )) {
        if (negate && result === CharSetString) {
          state.raise("Negated character class may contain strings");
        }
        return result;
      }
      state.pos = start;
    }
    if (state.eat(
      92
      /* \ */
    )) {
      var result$1 = this.regexp_eatCharacterClassEscape(state);
      if (result$1) {
        return result$1;
      }
      state.pos = start;
    }
    return null;
  };
  pp$1.regexp_eatClassStringDisjunction = function(state) {
    var start = state.pos;
    if (state.eatChars(
      [92, 113]
      /* \q */
    )) {
      if (state.eat(
        123
        /* { */
      )) {
        var result = this.regexp_classStringDisjunctionContents(state);
        if (state.eat(
          125
          /* } */
        )) {
          return result;
        }
      } else {
        state.raise("Invalid escape");
      }
      state.pos = start;
    }
    return null;
  };
  pp$1.regexp_classStringDisjunctionContents = function(state) {
    var result = this.regexp_classString(state);
    while (state.eat(
      124
      /* | */
    )) {
      if (this.regexp_classString(state) === CharSetString) {
        result = CharSetString;
      }
    }
    return result;
  };
  pp$1.regexp_classString = function(state) {
    var count = 0;
    while (this.regexp_eatClassSetCharacter(state)) {
      count++;
    }
    return count === 1 ? CharSetOk : CharSetString;
  };
  pp$1.regexp_eatClassSetCharacter = function(state) {
    var start = state.pos;
    if (state.eat(
      92
      /* \ */
    )) {
      if (this.regexp_eatCharacterEscape(state) || this.regexp_eatClassSetReservedPunctuator(state)) {
        return true;
      }
      if (state.eat(
        98
        /* b */
      )) {
        state.lastIntValue = 8;
        return true;
      }
      state.pos = start;
      return false;
    }
    var ch = state.current();
    if (ch < 0 || ch === state.lookahead() && isClassSetReservedDoublePunctuatorCharacter(ch)) {
      return false;
    }
    if (isClassSetSyntaxCharacter(ch)) {
      return false;
    }
    state.advance();
    state.lastIntValue = ch;
    return true;
  };
  function isClassSetReservedDoublePunctuatorCharacter(ch) {
    return ch === 33 || ch >= 35 && ch <= 38 || ch >= 42 && ch <= 44 || ch === 46 || ch >= 58 && ch <= 64 || ch === 94 || ch === 96 || ch === 126;
  }
  function isClassSetSyntaxCharacter(ch) {
    return ch === 40 || ch === 41 || ch === 45 || ch === 47 || ch >= 91 && ch <= 93 || ch >= 123 && ch <= 125;
  }
  pp$1.regexp_eatClassSetReservedPunctuator = function(state) {
    var ch = state.current();
    if (isClassSetReservedPunctuator(ch)) {
      state.lastIntValue = ch;
      state.advance();
      return true;
    }
    return false;
  };
  function isClassSetReservedPunctuator(ch) {
    return ch === 33 || ch === 35 || ch === 37 || ch === 38 || ch === 44 || ch === 45 || ch >= 58 && ch <= 62 || ch === 64 || ch === 96 || ch === 126;
  }
  pp$1.regexp_eatClassControlLetter = function(state) {
    var ch = state.current();
    if (isDecimalDigit(ch) || ch === 95) {
      state.lastIntValue = ch % 32;
      state.advance();
      return true;
    }
    return false;
  };
  pp$1.regexp_eatHexEscapeSequence = function(state) {
    var start = state.pos;
    if (state.eat(
      120
      /* x */
    )) {
      if (this.regexp_eatFixedHexDigits(state, 2)) {
        return true;
      }
      if (state.switchU) {
        state.raise("Invalid escape");
      }
      state.pos = start;
    }
    return false;
  };
  pp$1.regexp_eatDecimalDigits = function(state) {
    var start = state.pos;
    var ch = 0;
    state.lastIntValue = 0;
    while (isDecimalDigit(ch = state.current())) {
      state.lastIntValue = 10 * state.lastIntValue + (ch - 48);
      state.advance();
    }
    return state.pos !== start;
  };
  function isDecimalDigit(ch) {
    return ch >= 48 && ch <= 57;
  }
  pp$1.regexp_eatHexDigits = function(state) {
    var start = state.pos;
    var ch = 0;
    state.lastIntValue = 0;
    while (isHexDigit(ch = state.current())) {
      state.lastIntValue = 16 * state.lastIntValue + hexToInt(ch);
      state.advance();
    }
    return state.pos !== start;
  };
  function isHexDigit(ch) {
    return ch >= 48 && ch <= 57 || ch >= 65 && ch <= 70 || ch >= 97 && ch <= 102;
  }
  function hexToInt(ch) {
    if (ch >= 65 && ch <= 70) {
      return 10 + (ch - 65);
    }
    if (ch >= 97 && ch <= 102) {
      return 10 + (ch - 97);
    }
    return ch - 48;
  }
  pp$1.regexp_eatLegacyOctalEscapeSequence = function(state) {
    if (this.regexp_eatOctalDigit(state)) {
      var n1 = state.lastIntValue;
      if (this.regexp_eatOctalDigit(state)) {
        var n2 = state.lastIntValue;
        if (n1 <= 3 && this.regexp_eatOctalDigit(state)) {
          state.lastIntValue = n1 * 64 + n2 * 8 + state.lastIntValue;
        } else {
          state.lastIntValue = n1 * 8 + n2;
        }
      } else {
        state.lastIntValue = n1;
      }
      return true;
    }
    return false;
  };
  pp$1.regexp_eatOctalDigit = function(state) {
    var ch = state.current();
    if (isOctalDigit(ch)) {
      state.lastIntValue = ch - 48;
      state.advance();
      return true;
    }
    state.lastIntValue = 0;
    return false;
  };
  function isOctalDigit(ch) {
    return ch >= 48 && ch <= 55;
  }
  pp$1.regexp_eatFixedHexDigits = function(state, length) {
    var start = state.pos;
    state.lastIntValue = 0;
    for (var i2 = 0; i2 < length; ++i2) {
      var ch = state.current();
      if (!isHexDigit(ch)) {
        state.pos = start;
        return false;
      }
      state.lastIntValue = 16 * state.lastIntValue + hexToInt(ch);
      state.advance();
    }
    return true;
  };
  var Token = function Token2(p) {
    this.type = p.type;
    this.value = p.value;
    this.start = p.start;
    this.end = p.end;
    if (p.options.locations) {
      this.loc = new SourceLocation(p, p.startLoc, p.endLoc);
    }
    if (p.options.ranges) {
      this.range = [p.start, p.end];
    }
  };
  var pp = Parser.prototype;
  pp.next = function(ignoreEscapeSequenceInKeyword) {
    if (!ignoreEscapeSequenceInKeyword && this.type.keyword && this.containsEsc) {
      this.raiseRecoverable(this.start, "Escape sequence in keyword " + this.type.keyword);
    }
    if (this.options.onToken) {
      this.options.onToken(new Token(this));
    }
    this.lastTokEnd = this.end;
    this.lastTokStart = this.start;
    this.lastTokEndLoc = this.endLoc;
    this.lastTokStartLoc = this.startLoc;
    this.nextToken();
  };
  pp.getToken = function() {
    this.next();
    return new Token(this);
  };
  if (typeof Symbol !== "undefined") {
    pp[Symbol.iterator] = function() {
      var this$1$1 = this;
      return {
        next: function() {
          var token = this$1$1.getToken();
          return {
            done: token.type === types$1.eof,
            value: token
          };
        }
      };
    };
  }
  pp.nextToken = function() {
    var curContext = this.curContext();
    if (!curContext || !curContext.preserveSpace) {
      this.skipSpace();
    }
    this.start = this.pos;
    if (this.options.locations) {
      this.startLoc = this.curPosition();
    }
    if (this.pos >= this.input.length) {
      return this.finishToken(types$1.eof);
    }
    if (curContext.override) {
      return curContext.override(this);
    } else {
      this.readToken(this.fullCharCodeAtPos());
    }
  };
  pp.readToken = function(code) {
    if (isIdentifierStart(code, this.options.ecmaVersion >= 6) || code === 92) {
      return this.readWord();
    }
    return this.getTokenFromCode(code);
  };
  pp.fullCharCodeAt = function(pos) {
    var code = this.input.charCodeAt(pos);
    if (code <= 55295 || code >= 56320) {
      return code;
    }
    var next = this.input.charCodeAt(pos + 1);
    return next <= 56319 || next >= 57344 ? code : (code << 10) + next - 56613888;
  };
  pp.fullCharCodeAtPos = function() {
    return this.fullCharCodeAt(this.pos);
  };
  pp.skipBlockComment = function() {
    var startLoc = this.options.onComment && this.curPosition();
    var start = this.pos, end = this.input.indexOf("*/", this.pos += 2);
    if (end === -1) {
      this.raise(this.pos - 2, "Unterminated comment");
    }
    this.pos = end + 2;
    if (this.options.locations) {
      for (var nextBreak = void 0, pos = start; (nextBreak = nextLineBreak(this.input, pos, this.pos)) > -1; ) {
        ++this.curLine;
        pos = this.lineStart = nextBreak;
      }
    }
    if (this.options.onComment) {
      this.options.onComment(
        true,
        this.input.slice(start + 2, end),
        start,
        this.pos,
        startLoc,
        this.curPosition()
      );
    }
  };
  pp.skipLineComment = function(startSkip) {
    var start = this.pos;
    var startLoc = this.options.onComment && this.curPosition();
    var ch = this.input.charCodeAt(this.pos += startSkip);
    while (this.pos < this.input.length && !isNewLine(ch)) {
      ch = this.input.charCodeAt(++this.pos);
    }
    if (this.options.onComment) {
      this.options.onComment(
        false,
        this.input.slice(start + startSkip, this.pos),
        start,
        this.pos,
        startLoc,
        this.curPosition()
      );
    }
  };
  pp.skipSpace = function() {
    loop: while (this.pos < this.input.length) {
      var ch = this.input.charCodeAt(this.pos);
      switch (ch) {
        case 32:
        case 160:
          ++this.pos;
          break;
        case 13:
          if (this.input.charCodeAt(this.pos + 1) === 10) {
            ++this.pos;
          }
        case 10:
        case 8232:
        case 8233:
          ++this.pos;
          if (this.options.locations) {
            ++this.curLine;
            this.lineStart = this.pos;
          }
          break;
        case 47:
          switch (this.input.charCodeAt(this.pos + 1)) {
            case 42:
              this.skipBlockComment();
              break;
            case 47:
              this.skipLineComment(2);
              break;
            default:
              break loop;
          }
          break;
        default:
          if (ch > 8 && ch < 14 || ch >= 5760 && nonASCIIwhitespace.test(String.fromCharCode(ch))) {
            ++this.pos;
          } else {
            break loop;
          }
      }
    }
  };
  pp.finishToken = function(type, val) {
    this.end = this.pos;
    if (this.options.locations) {
      this.endLoc = this.curPosition();
    }
    var prevType = this.type;
    this.type = type;
    this.value = val;
    this.updateContext(prevType);
  };
  pp.readToken_dot = function() {
    var next = this.input.charCodeAt(this.pos + 1);
    if (next >= 48 && next <= 57) {
      return this.readNumber(true);
    }
    var next2 = this.input.charCodeAt(this.pos + 2);
    if (this.options.ecmaVersion >= 6 && next === 46 && next2 === 46) {
      this.pos += 3;
      return this.finishToken(types$1.ellipsis);
    } else {
      ++this.pos;
      return this.finishToken(types$1.dot);
    }
  };
  pp.readToken_slash = function() {
    var next = this.input.charCodeAt(this.pos + 1);
    if (this.exprAllowed) {
      ++this.pos;
      return this.readRegexp();
    }
    if (next === 61) {
      return this.finishOp(types$1.assign, 2);
    }
    return this.finishOp(types$1.slash, 1);
  };
  pp.readToken_mult_modulo_exp = function(code) {
    var next = this.input.charCodeAt(this.pos + 1);
    var size = 1;
    var tokentype = code === 42 ? types$1.star : types$1.modulo;
    if (this.options.ecmaVersion >= 7 && code === 42 && next === 42) {
      ++size;
      tokentype = types$1.starstar;
      next = this.input.charCodeAt(this.pos + 2);
    }
    if (next === 61) {
      return this.finishOp(types$1.assign, size + 1);
    }
    return this.finishOp(tokentype, size);
  };
  pp.readToken_pipe_amp = function(code) {
    var next = this.input.charCodeAt(this.pos + 1);
    if (next === code) {
      if (this.options.ecmaVersion >= 12) {
        var next2 = this.input.charCodeAt(this.pos + 2);
        if (next2 === 61) {
          return this.finishOp(types$1.assign, 3);
        }
      }
      return this.finishOp(code === 124 ? types$1.logicalOR : types$1.logicalAND, 2);
    }
    if (next === 61) {
      return this.finishOp(types$1.assign, 2);
    }
    return this.finishOp(code === 124 ? types$1.bitwiseOR : types$1.bitwiseAND, 1);
  };
  pp.readToken_caret = function() {
    var next = this.input.charCodeAt(this.pos + 1);
    if (next === 61) {
      return this.finishOp(types$1.assign, 2);
    }
    return this.finishOp(types$1.bitwiseXOR, 1);
  };
  pp.readToken_plus_min = function(code) {
    var next = this.input.charCodeAt(this.pos + 1);
    if (next === code) {
      if (next === 45 && !this.inModule && this.input.charCodeAt(this.pos + 2) === 62 && (this.lastTokEnd === 0 || lineBreak.test(this.input.slice(this.lastTokEnd, this.pos)))) {
        this.skipLineComment(3);
        this.skipSpace();
        return this.nextToken();
      }
      return this.finishOp(types$1.incDec, 2);
    }
    if (next === 61) {
      return this.finishOp(types$1.assign, 2);
    }
    return this.finishOp(types$1.plusMin, 1);
  };
  pp.readToken_lt_gt = function(code) {
    var next = this.input.charCodeAt(this.pos + 1);
    var size = 1;
    if (next === code) {
      size = code === 62 && this.input.charCodeAt(this.pos + 2) === 62 ? 3 : 2;
      if (this.input.charCodeAt(this.pos + size) === 61) {
        return this.finishOp(types$1.assign, size + 1);
      }
      return this.finishOp(types$1.bitShift, size);
    }
    if (next === 33 && code === 60 && !this.inModule && this.input.charCodeAt(this.pos + 2) === 45 && this.input.charCodeAt(this.pos + 3) === 45) {
      this.skipLineComment(4);
      this.skipSpace();
      return this.nextToken();
    }
    if (next === 61) {
      size = 2;
    }
    return this.finishOp(types$1.relational, size);
  };
  pp.readToken_eq_excl = function(code) {
    var next = this.input.charCodeAt(this.pos + 1);
    if (next === 61) {
      return this.finishOp(types$1.equality, this.input.charCodeAt(this.pos + 2) === 61 ? 3 : 2);
    }
    if (code === 61 && next === 62 && this.options.ecmaVersion >= 6) {
      this.pos += 2;
      return this.finishToken(types$1.arrow);
    }
    return this.finishOp(code === 61 ? types$1.eq : types$1.prefix, 1);
  };
  pp.readToken_question = function() {
    var ecmaVersion2 = this.options.ecmaVersion;
    if (ecmaVersion2 >= 11) {
      var next = this.input.charCodeAt(this.pos + 1);
      if (next === 46) {
        var next2 = this.input.charCodeAt(this.pos + 2);
        if (next2 < 48 || next2 > 57) {
          return this.finishOp(types$1.questionDot, 2);
        }
      }
      if (next === 63) {
        if (ecmaVersion2 >= 12) {
          var next2$1 = this.input.charCodeAt(this.pos + 2);
          if (next2$1 === 61) {
            return this.finishOp(types$1.assign, 3);
          }
        }
        return this.finishOp(types$1.coalesce, 2);
      }
    }
    return this.finishOp(types$1.question, 1);
  };
  pp.readToken_numberSign = function() {
    var ecmaVersion2 = this.options.ecmaVersion;
    var code = 35;
    if (ecmaVersion2 >= 13) {
      ++this.pos;
      code = this.fullCharCodeAtPos();
      if (isIdentifierStart(code, true) || code === 92) {
        return this.finishToken(types$1.privateId, this.readWord1());
      }
    }
    this.raise(this.pos, "Unexpected character '" + codePointToString(code) + "'");
  };
  pp.getTokenFromCode = function(code) {
    switch (code) {
      // The interpretation of a dot depends on whether it is followed
      // by a digit or another two dots.
      case 46:
        return this.readToken_dot();
      // Punctuation tokens.
      case 40:
        ++this.pos;
        return this.finishToken(types$1.parenL);
      case 41:
        ++this.pos;
        return this.finishToken(types$1.parenR);
      case 59:
        ++this.pos;
        return this.finishToken(types$1.semi);
      case 44:
        ++this.pos;
        return this.finishToken(types$1.comma);
      case 91:
        ++this.pos;
        return this.finishToken(types$1.bracketL);
      case 93:
        ++this.pos;
        return this.finishToken(types$1.bracketR);
      case 123:
        ++this.pos;
        return this.finishToken(types$1.braceL);
      case 125:
        ++this.pos;
        return this.finishToken(types$1.braceR);
      case 58:
        ++this.pos;
        return this.finishToken(types$1.colon);
      case 96:
        if (this.options.ecmaVersion < 6) {
          break;
        }
        ++this.pos;
        return this.finishToken(types$1.backQuote);
      case 48:
        var next = this.input.charCodeAt(this.pos + 1);
        if (next === 120 || next === 88) {
          return this.readRadixNumber(16);
        }
        if (this.options.ecmaVersion >= 6) {
          if (next === 111 || next === 79) {
            return this.readRadixNumber(8);
          }
          if (next === 98 || next === 66) {
            return this.readRadixNumber(2);
          }
        }
      // Anything else beginning with a digit is an integer, octal
      // number, or float.
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        return this.readNumber(false);
      // Quotes produce strings.
      case 34:
      case 39:
        return this.readString(code);
      // Operators are parsed inline in tiny state machines. '=' (61) is
      // often referred to. `finishOp` simply skips the amount of
      // characters it is given as second argument, and returns a token
      // of the type given by its first argument.
      case 47:
        return this.readToken_slash();
      case 37:
      case 42:
        return this.readToken_mult_modulo_exp(code);
      case 124:
      case 38:
        return this.readToken_pipe_amp(code);
      case 94:
        return this.readToken_caret();
      case 43:
      case 45:
        return this.readToken_plus_min(code);
      case 60:
      case 62:
        return this.readToken_lt_gt(code);
      case 61:
      case 33:
        return this.readToken_eq_excl(code);
      case 63:
        return this.readToken_question();
      case 126:
        return this.finishOp(types$1.prefix, 1);
      case 35:
        return this.readToken_numberSign();
    }
    this.raise(this.pos, "Unexpected character '" + codePointToString(code) + "'");
  };
  pp.finishOp = function(type, size) {
    var str = this.input.slice(this.pos, this.pos + size);
    this.pos += size;
    return this.finishToken(type, str);
  };
  pp.readRegexp = function() {
    var escaped, inClass, start = this.pos;
    for (; ; ) {
      if (this.pos >= this.input.length) {
        this.raise(start, "Unterminated regular expression");
      }
      var ch = this.input.charAt(this.pos);
      if (lineBreak.test(ch)) {
        this.raise(start, "Unterminated regular expression");
      }
      if (!escaped) {
        if (ch === "[") {
          inClass = true;
        } else if (ch === "]" && inClass) {
          inClass = false;
        } else if (ch === "/" && !inClass) {
          break;
        }
        escaped = ch === "\\";
      } else {
        escaped = false;
      }
      ++this.pos;
    }
    var pattern = this.input.slice(start, this.pos);
    ++this.pos;
    var flagsStart = this.pos;
    var flags = this.readWord1();
    if (this.containsEsc) {
      this.unexpected(flagsStart);
    }
    var state = this.regexpState || (this.regexpState = new RegExpValidationState(this));
    state.reset(start, pattern, flags);
    this.validateRegExpFlags(state);
    this.validateRegExpPattern(state);
    var value = null;
    try {
      value = new RegExp(pattern, flags);
    } catch (e) {
    }
    return this.finishToken(types$1.regexp, { pattern, flags, value });
  };
  pp.readInt = function(radix, len, maybeLegacyOctalNumericLiteral) {
    var allowSeparators = this.options.ecmaVersion >= 12 && len === void 0;
    var isLegacyOctalNumericLiteral = maybeLegacyOctalNumericLiteral && this.input.charCodeAt(this.pos) === 48;
    var start = this.pos, total = 0, lastCode = 0;
    for (var i2 = 0, e = len == null ? Infinity : len; i2 < e; ++i2, ++this.pos) {
      var code = this.input.charCodeAt(this.pos), val = void 0;
      if (allowSeparators && code === 95) {
        if (isLegacyOctalNumericLiteral) {
          this.raiseRecoverable(this.pos, "Numeric separator is not allowed in legacy octal numeric literals");
        }
        if (lastCode === 95) {
          this.raiseRecoverable(this.pos, "Numeric separator must be exactly one underscore");
        }
        if (i2 === 0) {
          this.raiseRecoverable(this.pos, "Numeric separator is not allowed at the first of digits");
        }
        lastCode = code;
        continue;
      }
      if (code >= 97) {
        val = code - 97 + 10;
      } else if (code >= 65) {
        val = code - 65 + 10;
      } else if (code >= 48 && code <= 57) {
        val = code - 48;
      } else {
        val = Infinity;
      }
      if (val >= radix) {
        break;
      }
      lastCode = code;
      total = total * radix + val;
    }
    if (allowSeparators && lastCode === 95) {
      this.raiseRecoverable(this.pos - 1, "Numeric separator is not allowed at the last of digits");
    }
    if (this.pos === start || len != null && this.pos - start !== len) {
      return null;
    }
    return total;
  };
  function stringToNumber(str, isLegacyOctalNumericLiteral) {
    if (isLegacyOctalNumericLiteral) {
      return parseInt(str, 8);
    }
    return parseFloat(str.replace(/_/g, ""));
  }
  function stringToBigInt(str) {
    if (typeof BigInt !== "function") {
      return null;
    }
    return BigInt(str.replace(/_/g, ""));
  }
  pp.readRadixNumber = function(radix) {
    var start = this.pos;
    this.pos += 2;
    var val = this.readInt(radix);
    if (val == null) {
      this.raise(this.start + 2, "Expected number in radix " + radix);
    }
    if (this.options.ecmaVersion >= 11 && this.input.charCodeAt(this.pos) === 110) {
      val = stringToBigInt(this.input.slice(start, this.pos));
      ++this.pos;
    } else if (isIdentifierStart(this.fullCharCodeAtPos())) {
      this.raise(this.pos, "Identifier directly after number");
    }
    return this.finishToken(types$1.num, val);
  };
  pp.readNumber = function(startsWithDot) {
    var start = this.pos;
    if (!startsWithDot && this.readInt(10, void 0, true) === null) {
      this.raise(start, "Invalid number");
    }
    var octal = this.pos - start >= 2 && this.input.charCodeAt(start) === 48;
    if (octal && this.strict) {
      this.raise(start, "Invalid number");
    }
    var next = this.input.charCodeAt(this.pos);
    if (!octal && !startsWithDot && this.options.ecmaVersion >= 11 && next === 110) {
      var val$1 = stringToBigInt(this.input.slice(start, this.pos));
      ++this.pos;
      if (isIdentifierStart(this.fullCharCodeAtPos())) {
        this.raise(this.pos, "Identifier directly after number");
      }
      return this.finishToken(types$1.num, val$1);
    }
    if (octal && /[89]/.test(this.input.slice(start, this.pos))) {
      octal = false;
    }
    if (next === 46 && !octal) {
      ++this.pos;
      this.readInt(10);
      next = this.input.charCodeAt(this.pos);
    }
    if ((next === 69 || next === 101) && !octal) {
      next = this.input.charCodeAt(++this.pos);
      if (next === 43 || next === 45) {
        ++this.pos;
      }
      if (this.readInt(10) === null) {
        this.raise(start, "Invalid number");
      }
    }
    if (isIdentifierStart(this.fullCharCodeAtPos())) {
      this.raise(this.pos, "Identifier directly after number");
    }
    var val = stringToNumber(this.input.slice(start, this.pos), octal);
    return this.finishToken(types$1.num, val);
  };
  pp.readCodePoint = function() {
    var ch = this.input.charCodeAt(this.pos), code;
    if (ch === 123) {
      if (this.options.ecmaVersion < 6) {
        this.unexpected();
      }
      var codePos = ++this.pos;
      code = this.readHexChar(this.input.indexOf("}", this.pos) - this.pos);
      ++this.pos;
      if (code > 1114111) {
        this.invalidStringToken(codePos, "Code point out of bounds");
      }
    } else {
      code = this.readHexChar(4);
    }
    return code;
  };
  pp.readString = function(quote) {
    var out = "", chunkStart = ++this.pos;
    for (; ; ) {
      if (this.pos >= this.input.length) {
        this.raise(this.start, "Unterminated string constant");
      }
      var ch = this.input.charCodeAt(this.pos);
      if (ch === quote) {
        break;
      }
      if (ch === 92) {
        out += this.input.slice(chunkStart, this.pos);
        out += this.readEscapedChar(false);
        chunkStart = this.pos;
      } else if (ch === 8232 || ch === 8233) {
        if (this.options.ecmaVersion < 10) {
          this.raise(this.start, "Unterminated string constant");
        }
        ++this.pos;
        if (this.options.locations) {
          this.curLine++;
          this.lineStart = this.pos;
        }
      } else {
        if (isNewLine(ch)) {
          this.raise(this.start, "Unterminated string constant");
        }
        ++this.pos;
      }
    }
    out += this.input.slice(chunkStart, this.pos++);
    return this.finishToken(types$1.string, out);
  };
  var INVALID_TEMPLATE_ESCAPE_ERROR = {};
  pp.tryReadTemplateToken = function() {
    this.inTemplateElement = true;
    try {
      this.readTmplToken();
    } catch (err) {
      if (err === INVALID_TEMPLATE_ESCAPE_ERROR) {
        this.readInvalidTemplateToken();
      } else {
        throw err;
      }
    }
    this.inTemplateElement = false;
  };
  pp.invalidStringToken = function(position, message) {
    if (this.inTemplateElement && this.options.ecmaVersion >= 9) {
      throw INVALID_TEMPLATE_ESCAPE_ERROR;
    } else {
      this.raise(position, message);
    }
  };
  pp.readTmplToken = function() {
    var out = "", chunkStart = this.pos;
    for (; ; ) {
      if (this.pos >= this.input.length) {
        this.raise(this.start, "Unterminated template");
      }
      var ch = this.input.charCodeAt(this.pos);
      if (ch === 96 || ch === 36 && this.input.charCodeAt(this.pos + 1) === 123) {
        if (this.pos === this.start && (this.type === types$1.template || this.type === types$1.invalidTemplate)) {
          if (ch === 36) {
            this.pos += 2;
            return this.finishToken(types$1.dollarBraceL);
          } else {
            ++this.pos;
            return this.finishToken(types$1.backQuote);
          }
        }
        out += this.input.slice(chunkStart, this.pos);
        return this.finishToken(types$1.template, out);
      }
      if (ch === 92) {
        out += this.input.slice(chunkStart, this.pos);
        out += this.readEscapedChar(true);
        chunkStart = this.pos;
      } else if (isNewLine(ch)) {
        out += this.input.slice(chunkStart, this.pos);
        ++this.pos;
        switch (ch) {
          case 13:
            if (this.input.charCodeAt(this.pos) === 10) {
              ++this.pos;
            }
          case 10:
            out += "\n";
            break;
          default:
            out += String.fromCharCode(ch);
            break;
        }
        if (this.options.locations) {
          ++this.curLine;
          this.lineStart = this.pos;
        }
        chunkStart = this.pos;
      } else {
        ++this.pos;
      }
    }
  };
  pp.readInvalidTemplateToken = function() {
    for (; this.pos < this.input.length; this.pos++) {
      switch (this.input[this.pos]) {
        case "\\":
          ++this.pos;
          break;
        case "$":
          if (this.input[this.pos + 1] !== "{") {
            break;
          }
        // fall through
        case "`":
          return this.finishToken(types$1.invalidTemplate, this.input.slice(this.start, this.pos));
        case "\r":
          if (this.input[this.pos + 1] === "\n") {
            ++this.pos;
          }
        // fall through
        case "\n":
        case "\u2028":
        case "\u2029":
          ++this.curLine;
          this.lineStart = this.pos + 1;
          break;
      }
    }
    this.raise(this.start, "Unterminated template");
  };
  pp.readEscapedChar = function(inTemplate) {
    var ch = this.input.charCodeAt(++this.pos);
    ++this.pos;
    switch (ch) {
      case 110:
        return "\n";
      // 'n' -> '\n'
      case 114:
        return "\r";
      // 'r' -> '\r'
      case 120:
        return String.fromCharCode(this.readHexChar(2));
      // 'x'
      case 117:
        return codePointToString(this.readCodePoint());
      // 'u'
      case 116:
        return "	";
      // 't' -> '\t'
      case 98:
        return "\b";
      // 'b' -> '\b'
      case 118:
        return "\v";
      // 'v' -> '\u000b'
      case 102:
        return "\f";
      // 'f' -> '\f'
      case 13:
        if (this.input.charCodeAt(this.pos) === 10) {
          ++this.pos;
        }
      // '\r\n'
      case 10:
        if (this.options.locations) {
          this.lineStart = this.pos;
          ++this.curLine;
        }
        return "";
      case 56:
      case 57:
        if (this.strict) {
          this.invalidStringToken(
            this.pos - 1,
            "Invalid escape sequence"
          );
        }
        if (inTemplate) {
          var codePos = this.pos - 1;
          this.invalidStringToken(
            codePos,
            "Invalid escape sequence in template string"
          );
        }
      default:
        if (ch >= 48 && ch <= 55) {
          var octalStr = this.input.substr(this.pos - 1, 3).match(/^[0-7]+/)[0];
          var octal = parseInt(octalStr, 8);
          if (octal > 255) {
            octalStr = octalStr.slice(0, -1);
            octal = parseInt(octalStr, 8);
          }
          this.pos += octalStr.length - 1;
          ch = this.input.charCodeAt(this.pos);
          if ((octalStr !== "0" || ch === 56 || ch === 57) && (this.strict || inTemplate)) {
            this.invalidStringToken(
              this.pos - 1 - octalStr.length,
              inTemplate ? "Octal literal in template string" : "Octal literal in strict mode"
            );
          }
          return String.fromCharCode(octal);
        }
        if (isNewLine(ch)) {
          if (this.options.locations) {
            this.lineStart = this.pos;
            ++this.curLine;
          }
          return "";
        }
        return String.fromCharCode(ch);
    }
  };
  pp.readHexChar = function(len) {
    var codePos = this.pos;
    var n = this.readInt(16, len);
    if (n === null) {
      this.invalidStringToken(codePos, "Bad character escape sequence");
    }
    return n;
  };
  pp.readWord1 = function() {
    this.containsEsc = false;
    var word = "", first = true, chunkStart = this.pos;
    var astral = this.options.ecmaVersion >= 6;
    while (this.pos < this.input.length) {
      var ch = this.fullCharCodeAtPos();
      if (isIdentifierChar(ch, astral)) {
        this.pos += ch <= 65535 ? 1 : 2;
      } else if (ch === 92) {
        this.containsEsc = true;
        word += this.input.slice(chunkStart, this.pos);
        var escStart = this.pos;
        if (this.input.charCodeAt(++this.pos) !== 117) {
          this.invalidStringToken(this.pos, "Expecting Unicode escape sequence \\uXXXX");
        }
        ++this.pos;
        var esc = this.readCodePoint();
        if (!(first ? isIdentifierStart : isIdentifierChar)(esc, astral)) {
          this.invalidStringToken(escStart, "Invalid Unicode escape");
        }
        word += codePointToString(esc);
        chunkStart = this.pos;
      } else {
        break;
      }
      first = false;
    }
    return word + this.input.slice(chunkStart, this.pos);
  };
  pp.readWord = function() {
    var word = this.readWord1();
    var type = types$1.name;
    if (this.keywords.test(word)) {
      type = keywords[word];
    }
    return this.finishToken(type, word);
  };
  var version = "8.19.0";
  Parser.acorn = {
    Parser,
    version,
    defaultOptions,
    Position,
    SourceLocation,
    getLineInfo,
    Node,
    TokenType,
    tokTypes: types$1,
    keywordTypes: keywords,
    TokContext,
    tokContexts: types,
    isIdentifierChar,
    isIdentifierStart,
    Token,
    isNewLine,
    lineBreak,
    lineBreakG,
    nonASCIIwhitespace
  };
  function parse4(input, options) {
    return Parser.parse(input, options);
  }

  // src/engine/callSites.ts
  var LINE_MARKER = "__playgroundCallSite";
  function calleeName(callee) {
    if (callee.type === "Identifier") return callee.name;
    if (callee.type !== "MemberExpression") return null;
    if (!callee.computed && callee.property.type === "Identifier") return callee.property.name;
    return callee.computed && typeof callee.property.value === "string" ? callee.property.value : null;
  }
  function visit(node, onCall) {
    if (node.type === "CallExpression") onCall(node);
    for (const key in node) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item.type === "string") visit(item, onCall);
      } else if (child && typeof child === "object" && typeof child.type === "string" && key !== "loc") {
        visit(child, onCall);
      }
    }
  }
  function markCallSites(code, program) {
    const edits = [];
    visit(program, (call) => {
      const name = calleeName(call.callee);
      const last2 = call.arguments.at(-1);
      if (!name || !last2) return;
      const target = last2.type === "SpreadElement" ? last2.argument : last2;
      const where = call.callee.type === "MemberExpression" ? call.callee.property : call.callee;
      edits.push({ at: target.start, text: `${LINE_MARKER}(${where.loc.start.line}, ${JSON.stringify(name)}, (`, line: target.loc.start.line, column: target.loc.start.column });
      edits.push({ at: target.end, text: "))", line: target.loc.end.line, column: target.loc.end.column });
    });
    edits.sort((a, b) => a.at - b.at);
    const insertions = /* @__PURE__ */ new Map();
    let out = "";
    let last = 0;
    for (const edit of edits) {
      out += code.slice(last, edit.at) + edit.text;
      last = edit.at;
      const line = insertions.get(edit.line) ?? [];
      line.push({ column: edit.column, length: edit.text.length });
      insertions.set(edit.line, line);
    }
    return { code: out + code.slice(last), insertions };
  }
  function originalColumn(insertions, line, column) {
    let shift = 0;
    for (const insertion of insertions.get(line) ?? []) {
      const start = insertion.column + shift;
      if (column - 1 < start) break;
      if (column - 1 < start + insertion.length) return insertion.column + 1;
      shift += insertion.length;
    }
    return column - shift;
  }

  // src/engine/compile.ts
  var PARAMS = ["exports", "require", "module", "__filename", "__dirname", "console", "fetch", "Date", "Math", "crypto", "process", "Buffer", "global", LINE_MARKER];
  var PREFIX = `(function (${PARAMS.join(", ")}) {`;
  var compiledCache = /* @__PURE__ */ new Map();
  function actionFileName(index, id) {
    return `action-${index + 1}-${id.replace(/[^\w-]/g, "_")}.js`;
  }
  function syntaxError(error) {
    const loc = error.loc;
    const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, "") : String(error);
    if (!loc) return { name: "SyntaxError", message };
    return { name: "SyntaxError", message: `${message} (line ${loc.line}, column ${loc.column + 1})`, line: loc.line, column: loc.column + 1 };
  }
  function compile(code, fileName) {
    let marked;
    try {
      const program = parse4(code, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, allowHashBang: true, locations: true });
      marked = markCallSites(code, program);
    } catch (error) {
      return { ok: false, error: syntaxError(error) };
    }
    try {
      const factory = (0, eval)(`${PREFIX}${marked.code}
})
//# sourceURL=${fileName}`);
      return { ok: true, factory, fileName, insertions: marked.insertions };
    } catch (error) {
      return { ok: false, error: syntaxError(error) };
    }
  }
  function compileAction(code, fileName) {
    const key = `${fileName}\0${code}`;
    let compiled = compiledCache.get(key);
    if (!compiled) {
      compiled = compile(code, fileName);
      if (compiledCache.size > 500) compiledCache.clear();
      compiledCache.set(key, compiled);
    }
    return compiled;
  }
  function instantiate(compiled, scope) {
    const module = { exports: {} };
    compiled.factory.call(
      module.exports,
      module.exports,
      scope.require,
      module,
      `/${compiled.fileName}`,
      "/",
      scope.console,
      scope.fetch,
      scope.Date,
      scope.Math,
      scope.crypto,
      scope.process,
      scope.Buffer,
      globalThis,
      scope.markCallSite
    );
    return module.exports;
  }
  function inAction(line, column) {
    return { line, column: line === 1 ? column - PREFIX.length : column };
  }
  function locate(stack, fileName) {
    if (!stack) return void 0;
    const at2 = stack.indexOf(`${fileName}:`);
    if (at2 < 0) return void 0;
    const match = /^:(\d+):(\d+)/.exec(stack.slice(at2 + fileName.length));
    return match ? inAction(Number(match[1]), Number(match[2])) : void 0;
  }
  function callerLocation(fileName, below = callerLocation) {
    const V8Error = Error;
    if (!V8Error.captureStackTrace) return locate(new Error().stack, fileName);
    const original = V8Error.prepareStackTrace;
    const limit = Error.stackTraceLimit;
    V8Error.prepareStackTrace = (_error, sites) => sites;
    Error.stackTraceLimit = 4;
    const holder = {};
    try {
      V8Error.captureStackTrace(holder, below);
      for (const site of holder.stack ?? []) {
        if ((site.getScriptNameOrSourceURL?.() ?? site.getFileName()) === fileName) {
          return inAction(site.getLineNumber() ?? 0, site.getColumnNumber() ?? 0);
        }
      }
      return void 0;
    } finally {
      V8Error.prepareStackTrace = original;
      Error.stackTraceLimit = limit;
    }
  }
  function checkHandler(exports, name) {
    const handler = exports[name];
    if (typeof handler === "function" && handler.constructor?.name === "AsyncFunction") {
      return handler;
    }
    return new Error(`Invalid function signature for the "${name}" handler. Use "exports.${name} = async function(event, api) { }" as the signature.`);
  }
  function toActionError(error, compiled) {
    if (error instanceof Error || typeof error === "object" && error !== null && "message" in error) {
      const err = error;
      const where = locate(err.stack, compiled.fileName);
      const place = where ? { line: where.line, column: originalColumn(compiled.insertions, where.line, where.column) } : {};
      return { name: err.name || "Error", message: String(err.message), ...place };
    }
    return { name: "Error", message: String(error) };
  }

  // src/engine/determinism.ts
  function seededGenerator(seed) {
    let state = seed >>> 0;
    const splitmix = () => {
      state = state + 2654435769 >>> 0;
      let z = state;
      z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
      z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
      return (z ^ z >>> 16) >>> 0;
    };
    let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
    return () => {
      const t = (a + b >>> 0) + d >>> 0;
      d = d + 1 >>> 0;
      a = b ^ b >>> 9;
      b = c + (c << 3) >>> 0;
      c = (c << 21 | c >>> 11) >>> 0;
      c = c + t >>> 0;
      return t;
    };
  }
  function formatUuid(bytes) {
    bytes[6] = bytes[6] & 15 | 64;
    bytes[8] = bytes[8] & 63 | 128;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  function createEntropy(seed) {
    if (seed === void 0) {
      const fill2 = (bytes) => globalThis.crypto.getRandomValues(bytes);
      return { fill: fill2, random: Math.random, uuid: () => formatUuid(fill2(new Uint8Array(16))) };
    }
    const next = seededGenerator(seed);
    const fill = (bytes) => {
      for (let i2 = 0; i2 < bytes.length; i2++) bytes[i2] = next() & 255;
      return bytes;
    };
    return { fill, random: () => next() / 4294967296, uuid: () => formatUuid(fill(new Uint8Array(16))) };
  }
  function createDateClass(now) {
    class PlaygroundDate extends Date {
      constructor(...args) {
        if (args.length === 0) super(now());
        else super(...args);
      }
      static now() {
        return now();
      }
    }
    return PlaygroundDate;
  }
  function createMath(entropy) {
    const math = Object.create(Math);
    Object.defineProperty(math, "random", { value: entropy.random });
    return math;
  }
  function createCryptoGlobal(entropy) {
    return {
      getRandomValues: (array) => {
        if (array) entropy.fill(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
        return array;
      },
      randomUUID: () => entropy.uuid(),
      subtle: globalThis.crypto?.subtle
    };
  }
  function randomId(entropy, length = 24) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const bytes = entropy.fill(new Uint8Array(length));
    let out = "";
    for (const byte of bytes) out += alphabet[byte & 63];
    return out;
  }

  // src/engine/http.ts
  var STATUS_TEXT = {
    100: "Continue",
    101: "Switching Protocols",
    102: "Processing",
    103: "Early Hints",
    200: "OK",
    201: "Created",
    202: "Accepted",
    203: "Non-Authoritative Information",
    204: "No Content",
    205: "Reset Content",
    206: "Partial Content",
    207: "Multi-Status",
    208: "Already Reported",
    226: "IM Used",
    300: "Multiple Choices",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    305: "Use Proxy",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Payload Too Large",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    416: "Range Not Satisfiable",
    417: "Expectation Failed",
    418: "I'm a Teapot",
    421: "Misdirected Request",
    422: "Unprocessable Entity",
    423: "Locked",
    424: "Failed Dependency",
    425: "Too Early",
    426: "Upgrade Required",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates",
    507: "Insufficient Storage",
    508: "Loop Detected",
    509: "Bandwidth Limit Exceeded",
    510: "Not Extended",
    511: "Network Authentication Required"
  };
  function statusText(status) {
    return STATUS_TEXT[status] ?? "";
  }
  var FETCH_NAMES = ["fetch"];
  var AXIOS_NAMES = ["axios", "request", "get", "post", "put", "patch", "delete", "head", "options"];
  function globToRegExp(glob) {
    return new RegExp(`^${glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  }
  function stripQuery(url) {
    return url.replace(/[?#].*$/, "");
  }
  function normalize(url) {
    try {
      return new URL(url).href;
    } catch {
      return url;
    }
  }
  function matches(mock, method, url) {
    const mockMethod = (mock.method || "GET").toUpperCase();
    if (mockMethod !== "*" && mockMethod !== "ANY" && mockMethod !== method) return false;
    if (mock.url.includes("*")) return globToRegExp(mock.url).test(mock.url.includes("?") ? url : stripQuery(url));
    const mockUrl = normalize(mock.url);
    if (!mock.url.includes("?")) return stripQuery(mockUrl) === stripQuery(url);
    if (stripQuery(mockUrl) !== stripQuery(url)) return false;
    const wanted = new URL(mockUrl).searchParams;
    const actual = new URL(url).searchParams;
    return [...wanted].every(([key, value]) => actual.getAll(key).includes(value));
  }
  function answer(mocks, method, url) {
    const index = mocks.findIndex((mock2) => matches(mock2, method, url));
    if (index < 0) return void 0;
    const mock = mocks[index];
    const isText = typeof mock.body === "string";
    const headers = { "content-type": isText ? "text/plain; charset=utf-8" : "application/json", ...lowerKeys(mock.headers) };
    const text = mock.body === void 0 ? "" : isText ? mock.body : JSON.stringify(mock.body);
    return { index, status: mock.status ?? 200, headers, body: mock.body ?? null, text };
  }
  function lowerKeys(headers) {
    const out = {};
    for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = String(value);
    return out;
  }
  function notMocked(method, url) {
    return `No HTTP mock answers ${method} ${url}. Add one under HTTP mocks (method, URL, status, body).`;
  }
  function describeBody(body, contentType) {
    if (body === void 0 || body === null) return null;
    if (typeof FormData !== "undefined" && body instanceof FormData) {
      const fields = {};
      body.forEach((value, key) => setOwn(fields, key, typeof value === "string" ? value : `[File ${value.name}]`));
      return fields;
    }
    if (body instanceof URLSearchParams) return body.toString();
    if (typeof body === "string") {
      if (contentType?.includes("json")) {
        try {
          return toJson(JSON.parse(body));
        } catch {
        }
      }
      return body;
    }
    return toJson(body);
  }
  var boundaries = 0;
  function impliedContentType(body) {
    if (typeof FormData !== "undefined" && body instanceof FormData) {
      boundaries = (boundaries + 1) % 1e11;
      return `multipart/form-data; boundary=----formdata-undici-0${String(boundaries).padStart(11, "0")}`;
    }
    if (body instanceof URLSearchParams) return "application/x-www-form-urlencoded;charset=UTF-8";
    return void 0;
  }
  function headersToRecord(headers) {
    const out = {};
    new Headers(headers).forEach((value, key) => setOwn(out, key, value));
    return out;
  }
  function createHttpClient(mocks, hooks) {
    function exchange(method, url, headers, body, line) {
      const found = answer(mocks, method, url);
      hooks.record({
        method,
        url,
        headers,
        body,
        mock: found ? found.index : null,
        status: found ? found.status : null,
        response: found ? toJson(found.body) : null
      }, line);
      return found;
    }
    async function mockFetch(input, init = {}) {
      const line = hooks.callerLine(mockFetch, FETCH_NAMES);
      const isRequest = typeof Request !== "undefined" && input instanceof Request;
      const rawUrl = isRequest ? input.url : String(input);
      let url;
      try {
        url = new URL(rawUrl).href;
      } catch {
        throw new TypeError(`Failed to parse URL from ${rawUrl}`);
      }
      const method = (init.method ?? (isRequest ? input.method : "GET")).toUpperCase();
      const headers = headersToRecord(init.headers ?? (isRequest ? input.headers : void 0));
      const rawBody = init.body ?? (isRequest ? await input.text() : void 0);
      const implied = impliedContentType(rawBody);
      if (implied && !("content-type" in headers)) headers["content-type"] = implied;
      const found = exchange(method, url, headers, describeBody(rawBody, headers["content-type"]), line);
      if (!found) throw new TypeError(`fetch failed: ${notMocked(method, url)}`);
      const nullBody = [101, 204, 205, 304].includes(found.status);
      const response = new Response(nullBody ? null : found.text, { status: found.status, statusText: statusText(found.status), headers: found.headers });
      Object.defineProperty(response, "url", { value: url });
      return response;
    }
    return {
      fetch: mockFetch,
      /** axios bound to the mocks; the runtime loads the library itself only when an action requires it. */
      axios: (library) => createAxios(library, exchange, hooks)
    };
  }
  var LINE_KEY = "playgroundCallLine";
  function createAxios(axiosLib, exchange, hooks) {
    const { AxiosError, AxiosHeaders } = axiosLib;
    const adapter = async (config) => {
      const request = {};
      const method = (config.method ?? "get").toUpperCase();
      const full = axiosLib.getUri(config);
      let url;
      try {
        url = new URL(full).href;
      } catch {
        throw new AxiosError(`Invalid URL: ${full}`, "ERR_INVALID_URL", config, request);
      }
      const headers = AxiosHeaders.from(config.headers);
      if (typeof FormData !== "undefined" && config.data instanceof FormData && !/boundary=/.test(String(headers.getContentType() ?? ""))) {
        headers.setContentType(impliedContentType(config.data) ?? null);
      }
      const recorded = lowerKeys(headers.toJSON(true));
      const found = exchange(method, url, recorded, describeBody(config.data, recorded["content-type"]), config[LINE_KEY]);
      if (!found) throw new AxiosError(notMocked(method, url), "ERR_NETWORK", config, request);
      const response = {
        data: found.text,
        status: found.status,
        statusText: statusText(found.status),
        headers: AxiosHeaders.from(found.headers),
        config,
        request
      };
      const validate = config.validateStatus;
      if (!validate || validate(found.status)) return response;
      const code = found.status >= 500 ? "ERR_BAD_RESPONSE" : "ERR_BAD_REQUEST";
      throw new AxiosError(`Request failed with status code ${found.status}`, code, config, request, response);
    };
    function expose(instance, statics) {
      const withLine = (config, line) => ({ ...config, [LINE_KEY]: line });
      const axios = function axios2(urlOrConfig, config) {
        const line = hooks.callerLine(axios2, AXIOS_NAMES);
        return typeof urlOrConfig === "string" ? instance(urlOrConfig, withLine(config, line)) : instance(withLine(urlOrConfig, line));
      };
      const out = Object.assign(axios, statics, instance);
      out.request = function request(config) {
        return instance.request(withLine(config, hooks.callerLine(request, AXIOS_NAMES)));
      };
      for (const method of ["get", "delete", "head", "options"]) {
        out[method] = function call(url, config) {
          return instance[method](url, withLine(config, hooks.callerLine(call, AXIOS_NAMES)));
        };
      }
      for (const method of ["post", "put", "patch", "postForm", "putForm", "patchForm"]) {
        out[method] = function call(url, data2, config) {
          return instance[method](url, data2, withLine(config, hooks.callerLine(call, AXIOS_NAMES)));
        };
      }
      out.create = (config) => expose(instance.create(config), {});
      out.default = out;
      return out;
    }
    return expose(axiosLib.create({ adapter }), axiosLib);
  }

  // src/engine/limits.ts
  var DEFAULT_TIME_LIMIT_MS = 2e4;

  // node_modules/@noble/hashes/_blake.js
  var BSIGMA = /* @__PURE__ */ Uint8Array.from([
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    14,
    10,
    4,
    8,
    9,
    15,
    13,
    6,
    1,
    12,
    0,
    2,
    11,
    7,
    5,
    3,
    11,
    8,
    12,
    0,
    5,
    2,
    15,
    13,
    10,
    14,
    3,
    6,
    7,
    1,
    9,
    4,
    7,
    9,
    3,
    1,
    13,
    12,
    11,
    14,
    2,
    6,
    5,
    10,
    4,
    0,
    15,
    8,
    9,
    0,
    5,
    7,
    2,
    4,
    10,
    15,
    14,
    1,
    11,
    12,
    6,
    8,
    3,
    13,
    2,
    12,
    6,
    10,
    0,
    11,
    8,
    3,
    4,
    13,
    7,
    5,
    15,
    14,
    1,
    9,
    12,
    5,
    1,
    15,
    14,
    13,
    4,
    10,
    0,
    7,
    6,
    3,
    9,
    2,
    8,
    11,
    13,
    11,
    7,
    14,
    12,
    1,
    3,
    9,
    5,
    0,
    15,
    4,
    8,
    6,
    2,
    10,
    6,
    15,
    14,
    9,
    11,
    3,
    0,
    8,
    12,
    2,
    13,
    7,
    1,
    4,
    10,
    5,
    10,
    2,
    8,
    4,
    7,
    6,
    1,
    5,
    15,
    11,
    9,
    14,
    3,
    12,
    13,
    0,
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    14,
    10,
    4,
    8,
    9,
    15,
    13,
    6,
    1,
    12,
    0,
    2,
    11,
    7,
    5,
    3,
    // Blake1, unused in others
    11,
    8,
    12,
    0,
    5,
    2,
    15,
    13,
    10,
    14,
    3,
    6,
    7,
    1,
    9,
    4,
    7,
    9,
    3,
    1,
    13,
    12,
    11,
    14,
    2,
    6,
    5,
    10,
    4,
    0,
    15,
    8,
    9,
    0,
    5,
    7,
    2,
    4,
    10,
    15,
    14,
    1,
    11,
    12,
    6,
    8,
    3,
    13,
    2,
    12,
    6,
    10,
    0,
    11,
    8,
    3,
    4,
    13,
    7,
    5,
    15,
    14,
    1,
    9
  ]);
  function G1s(a, b, c, d, x) {
    a = a + b + x | 0;
    d = rotr(d ^ a, 16);
    c = c + d | 0;
    b = rotr(b ^ c, 12);
    return { a, b, c, d };
  }
  function G2s(a, b, c, d, x) {
    a = a + b + x | 0;
    d = rotr(d ^ a, 8);
    c = c + d | 0;
    b = rotr(b ^ c, 7);
    return { a, b, c, d };
  }

  // node_modules/@noble/hashes/blake2.js
  var B2B_IV = /* @__PURE__ */ Uint32Array.from([
    4089235720,
    1779033703,
    2227873595,
    3144134277,
    4271175723,
    1013904242,
    1595750129,
    2773480762,
    2917565137,
    1359893119,
    725511199,
    2600822924,
    4215389547,
    528734635,
    327033209,
    1541459225
  ]);
  var BBUF = /* @__PURE__ */ new Uint32Array(32);
  function G1b(a, b, c, d, msg, x) {
    const Xl = msg[x], Xh = msg[x + 1];
    let Al = BBUF[2 * a], Ah = BBUF[2 * a + 1];
    let Bl = BBUF[2 * b], Bh = BBUF[2 * b + 1];
    let Cl = BBUF[2 * c], Ch = BBUF[2 * c + 1];
    let Dl = BBUF[2 * d], Dh = BBUF[2 * d + 1];
    const ll = add3L(Al, Bl, Xl);
    Ah = add3H(ll, Ah, Bh, Xh);
    Al = ll | 0;
    let xh = Dh ^ Ah, xl = Dl ^ Al;
    Dh = rotr32H(xh, xl);
    Dl = rotr32L(xh, xl);
    ({ h: Ch, l: Cl } = add(Ch, Cl, Dh, Dl));
    xh = Bh ^ Ch;
    xl = Bl ^ Cl;
    Bh = rotrSH(xh, xl, 24);
    Bl = rotrSL(xh, xl, 24);
    BBUF[2 * a] = Al;
    BBUF[2 * a + 1] = Ah;
    BBUF[2 * b] = Bl;
    BBUF[2 * b + 1] = Bh;
    BBUF[2 * c] = Cl;
    BBUF[2 * c + 1] = Ch;
    BBUF[2 * d] = Dl;
    BBUF[2 * d + 1] = Dh;
  }
  function G2b(a, b, c, d, msg, x) {
    const Xl = msg[x], Xh = msg[x + 1];
    let Al = BBUF[2 * a], Ah = BBUF[2 * a + 1];
    let Bl = BBUF[2 * b], Bh = BBUF[2 * b + 1];
    let Cl = BBUF[2 * c], Ch = BBUF[2 * c + 1];
    let Dl = BBUF[2 * d], Dh = BBUF[2 * d + 1];
    const ll = add3L(Al, Bl, Xl);
    Ah = add3H(ll, Ah, Bh, Xh);
    Al = ll | 0;
    let xh = Dh ^ Ah, xl = Dl ^ Al;
    Dh = rotrSH(xh, xl, 16);
    Dl = rotrSL(xh, xl, 16);
    ({ h: Ch, l: Cl } = add(Ch, Cl, Dh, Dl));
    xh = Bh ^ Ch;
    xl = Bl ^ Cl;
    Bh = rotrBH(xh, xl, 63);
    Bl = rotrBL(xh, xl, 63);
    BBUF[2 * a] = Al;
    BBUF[2 * a + 1] = Ah;
    BBUF[2 * b] = Bl;
    BBUF[2 * b + 1] = Bh;
    BBUF[2 * c] = Cl;
    BBUF[2 * c + 1] = Ch;
    BBUF[2 * d] = Dl;
    BBUF[2 * d + 1] = Dh;
  }
  function checkBlake2Opts(outputLen, opts = {}, keyLen, saltLen, persLen) {
    anumber(keyLen);
    if (outputLen <= 0 || outputLen > keyLen)
      throw new Error('"dkLen" must be 1..' + keyLen + ", got " + outputLen);
    const { key, salt, personalization } = opts;
    if (key !== void 0 && (key.length < 1 || key.length > keyLen))
      throw new Error('"key" expected to be undefined or of length=1..' + keyLen);
    if (salt !== void 0)
      abytes(salt, saltLen, "salt");
    if (personalization !== void 0)
      abytes(personalization, persLen, "personalization");
  }
  var _BLAKE2 = class {
    buffer;
    buffer32;
    finished = false;
    destroyed = false;
    length = 0;
    pos = 0;
    blockLen;
    outputLen;
    canXOF = false;
    constructor(blockLen, outputLen) {
      anumber(blockLen);
      anumber(outputLen);
      this.blockLen = blockLen;
      this.outputLen = outputLen;
      this.buffer = new Uint8Array(blockLen);
      this.buffer32 = u32(this.buffer);
    }
    update(data2) {
      aexists(this);
      abytes(data2);
      const { blockLen, buffer, buffer32 } = this;
      const len = data2.length;
      const offset2 = data2.byteOffset;
      const buf = data2.buffer;
      for (let pos = 0; pos < len; ) {
        if (this.pos === blockLen) {
          swap32IfBE(buffer32);
          this.compress(buffer32, 0, false);
          swap32IfBE(buffer32);
          this.pos = 0;
        }
        const take = Math.min(blockLen - this.pos, len - pos);
        const dataOffset = offset2 + pos;
        if (take === blockLen && !(dataOffset % 4) && pos + take < len) {
          const data32 = new Uint32Array(buf, dataOffset, Math.floor((len - pos) / 4));
          swap32IfBE(data32);
          for (let pos32 = 0; pos + blockLen < len; pos32 += buffer32.length, pos += blockLen) {
            this.length += blockLen;
            this.compress(data32, pos32, false);
          }
          swap32IfBE(data32);
          continue;
        }
        buffer.set(pos === 0 && take === len ? data2 : data2.subarray(pos, pos + take), this.pos);
        this.pos += take;
        this.length += take;
        pos += take;
      }
      return this;
    }
    digestInto(out) {
      aexists(this);
      aoutput(out, this);
      if (out.byteOffset & 3)
        throw new RangeError('"output" expected 4-byte aligned byteOffset, got ' + out.byteOffset);
      const { pos, buffer32 } = this;
      this.finished = true;
      this.buffer.fill(0, pos);
      swap32IfBE(buffer32);
      this.compress(buffer32, 0, true);
      swap32IfBE(buffer32);
      const state = this.get();
      const out32 = out === this.buffer ? buffer32 : u32(out);
      const full = Math.floor(this.outputLen / 4);
      for (let i2 = 0; i2 < full; i2++)
        out32[i2] = swap8IfBE(state[i2]);
      const tail = this.outputLen % 4;
      if (!tail)
        return;
      const off = full * 4;
      const word = state[full];
      for (let i2 = 0; i2 < tail; i2++)
        out[off + i2] = word >>> 8 * i2;
    }
    digest() {
      const { buffer, outputLen } = this;
      this.digestInto(buffer);
      const res = buffer.slice(0, outputLen);
      this.destroy();
      return res;
    }
    _cloneInto(to) {
      const { buffer, length, finished, destroyed, outputLen, pos } = this;
      to ||= new this.constructor({ dkLen: outputLen });
      to.set(...this.get());
      to.buffer.set(buffer);
      to.destroyed = destroyed;
      to.finished = finished;
      to.length = length;
      to.pos = pos;
      to.outputLen = outputLen;
      return to;
    }
    clone() {
      return this._cloneInto();
    }
  };
  var _BLAKE2b = class extends _BLAKE2 {
    // Same IV words as SHA-512 / BLAKE2b, encoded as LE u32 low/high halves.
    v0l = B2B_IV[0] | 0;
    v0h = B2B_IV[1] | 0;
    v1l = B2B_IV[2] | 0;
    v1h = B2B_IV[3] | 0;
    v2l = B2B_IV[4] | 0;
    v2h = B2B_IV[5] | 0;
    v3l = B2B_IV[6] | 0;
    v3h = B2B_IV[7] | 0;
    v4l = B2B_IV[8] | 0;
    v4h = B2B_IV[9] | 0;
    v5l = B2B_IV[10] | 0;
    v5h = B2B_IV[11] | 0;
    v6l = B2B_IV[12] | 0;
    v6h = B2B_IV[13] | 0;
    v7l = B2B_IV[14] | 0;
    v7h = B2B_IV[15] | 0;
    constructor(opts = {}) {
      opts = checkOpts({}, opts);
      const olen = opts.dkLen === void 0 ? 64 : opts.dkLen;
      super(128, olen);
      checkBlake2Opts(olen, opts, 64, 16, 16);
      let { key, personalization, salt } = opts;
      let keyLength = 0;
      if (key !== void 0) {
        abytes(key, void 0, "key");
        keyLength = key.length;
      }
      this.v0l ^= this.outputLen | keyLength << 8 | 1 << 16 | 1 << 24;
      if (salt !== void 0) {
        abytes(salt, void 0, "salt");
        const slt = u32(copyBytes(salt));
        this.v4l ^= swap8IfBE(slt[0]);
        this.v4h ^= swap8IfBE(slt[1]);
        this.v5l ^= swap8IfBE(slt[2]);
        this.v5h ^= swap8IfBE(slt[3]);
      }
      if (personalization !== void 0) {
        abytes(personalization, void 0, "personalization");
        const pers = u32(copyBytes(personalization));
        this.v6l ^= swap8IfBE(pers[0]);
        this.v6h ^= swap8IfBE(pers[1]);
        this.v7l ^= swap8IfBE(pers[2]);
        this.v7h ^= swap8IfBE(pers[3]);
      }
      if (key !== void 0) {
        const tmp = new Uint8Array(this.blockLen);
        tmp.set(key);
        this.update(tmp);
        clean(tmp);
      }
    }
    // prettier-ignore
    get() {
      let { v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h } = this;
      return [v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h];
    }
    // prettier-ignore
    set(v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h) {
      this.v0l = v0l | 0;
      this.v0h = v0h | 0;
      this.v1l = v1l | 0;
      this.v1h = v1h | 0;
      this.v2l = v2l | 0;
      this.v2h = v2h | 0;
      this.v3l = v3l | 0;
      this.v3h = v3h | 0;
      this.v4l = v4l | 0;
      this.v4h = v4h | 0;
      this.v5l = v5l | 0;
      this.v5h = v5h | 0;
      this.v6l = v6l | 0;
      this.v6h = v6h | 0;
      this.v7l = v7l | 0;
      this.v7h = v7h | 0;
    }
    compress(msg, offset2, isLast) {
      const { v0l, v0h, v1l, v1h, v2l, v2h, v3l, v3h, v4l, v4h, v5l, v5h, v6l, v6h, v7l, v7h } = this;
      {
        BBUF[0] = v0l;
        BBUF[1] = v0h;
        BBUF[2] = v1l;
        BBUF[3] = v1h;
        BBUF[4] = v2l;
        BBUF[5] = v2h;
        BBUF[6] = v3l;
        BBUF[7] = v3h;
        BBUF[8] = v4l;
        BBUF[9] = v4h;
        BBUF[10] = v5l;
        BBUF[11] = v5h;
        BBUF[12] = v6l;
        BBUF[13] = v6h;
        BBUF[14] = v7l;
        BBUF[15] = v7h;
      }
      BBUF.set(B2B_IV, 16);
      const l = fromNumL(this.length);
      const h = fromNumH(this.length);
      BBUF[24] = B2B_IV[8] ^ l;
      BBUF[25] = B2B_IV[9] ^ h;
      if (isLast) {
        BBUF[28] = ~BBUF[28];
        BBUF[29] = ~BBUF[29];
      }
      let j = 0;
      const s = BSIGMA;
      for (let i2 = 0; i2 < 12; i2++) {
        G1b(0, 4, 8, 12, msg, offset2 + 2 * s[j++]);
        G2b(0, 4, 8, 12, msg, offset2 + 2 * s[j++]);
        G1b(1, 5, 9, 13, msg, offset2 + 2 * s[j++]);
        G2b(1, 5, 9, 13, msg, offset2 + 2 * s[j++]);
        G1b(2, 6, 10, 14, msg, offset2 + 2 * s[j++]);
        G2b(2, 6, 10, 14, msg, offset2 + 2 * s[j++]);
        G1b(3, 7, 11, 15, msg, offset2 + 2 * s[j++]);
        G2b(3, 7, 11, 15, msg, offset2 + 2 * s[j++]);
        G1b(0, 5, 10, 15, msg, offset2 + 2 * s[j++]);
        G2b(0, 5, 10, 15, msg, offset2 + 2 * s[j++]);
        G1b(1, 6, 11, 12, msg, offset2 + 2 * s[j++]);
        G2b(1, 6, 11, 12, msg, offset2 + 2 * s[j++]);
        G1b(2, 7, 8, 13, msg, offset2 + 2 * s[j++]);
        G2b(2, 7, 8, 13, msg, offset2 + 2 * s[j++]);
        G1b(3, 4, 9, 14, msg, offset2 + 2 * s[j++]);
        G2b(3, 4, 9, 14, msg, offset2 + 2 * s[j++]);
      }
      this.v0l ^= BBUF[0] ^ BBUF[16];
      this.v0h ^= BBUF[1] ^ BBUF[17];
      this.v1l ^= BBUF[2] ^ BBUF[18];
      this.v1h ^= BBUF[3] ^ BBUF[19];
      this.v2l ^= BBUF[4] ^ BBUF[20];
      this.v2h ^= BBUF[5] ^ BBUF[21];
      this.v3l ^= BBUF[6] ^ BBUF[22];
      this.v3h ^= BBUF[7] ^ BBUF[23];
      this.v4l ^= BBUF[8] ^ BBUF[24];
      this.v4h ^= BBUF[9] ^ BBUF[25];
      this.v5l ^= BBUF[10] ^ BBUF[26];
      this.v5h ^= BBUF[11] ^ BBUF[27];
      this.v6l ^= BBUF[12] ^ BBUF[28];
      this.v6h ^= BBUF[13] ^ BBUF[29];
      this.v7l ^= BBUF[14] ^ BBUF[30];
      this.v7h ^= BBUF[15] ^ BBUF[31];
      clean(BBUF);
    }
    destroy() {
      this.destroyed = true;
      clean(this.buffer32);
      this.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  };
  var blake2b = /* @__PURE__ */ createHasher((opts) => new _BLAKE2b(opts));
  function _compress(s, offset2, msg, rounds, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15) {
    let j = 0;
    for (let i2 = 0; i2 < rounds; i2++) {
      ({ a: v0, b: v4, c: v8, d: v12 } = G1s(v0, v4, v8, v12, msg[offset2 + s[j++]]));
      ({ a: v0, b: v4, c: v8, d: v12 } = G2s(v0, v4, v8, v12, msg[offset2 + s[j++]]));
      ({ a: v1, b: v5, c: v9, d: v13 } = G1s(v1, v5, v9, v13, msg[offset2 + s[j++]]));
      ({ a: v1, b: v5, c: v9, d: v13 } = G2s(v1, v5, v9, v13, msg[offset2 + s[j++]]));
      ({ a: v2, b: v6, c: v10, d: v14 } = G1s(v2, v6, v10, v14, msg[offset2 + s[j++]]));
      ({ a: v2, b: v6, c: v10, d: v14 } = G2s(v2, v6, v10, v14, msg[offset2 + s[j++]]));
      ({ a: v3, b: v7, c: v11, d: v15 } = G1s(v3, v7, v11, v15, msg[offset2 + s[j++]]));
      ({ a: v3, b: v7, c: v11, d: v15 } = G2s(v3, v7, v11, v15, msg[offset2 + s[j++]]));
      ({ a: v0, b: v5, c: v10, d: v15 } = G1s(v0, v5, v10, v15, msg[offset2 + s[j++]]));
      ({ a: v0, b: v5, c: v10, d: v15 } = G2s(v0, v5, v10, v15, msg[offset2 + s[j++]]));
      ({ a: v1, b: v6, c: v11, d: v12 } = G1s(v1, v6, v11, v12, msg[offset2 + s[j++]]));
      ({ a: v1, b: v6, c: v11, d: v12 } = G2s(v1, v6, v11, v12, msg[offset2 + s[j++]]));
      ({ a: v2, b: v7, c: v8, d: v13 } = G1s(v2, v7, v8, v13, msg[offset2 + s[j++]]));
      ({ a: v2, b: v7, c: v8, d: v13 } = G2s(v2, v7, v8, v13, msg[offset2 + s[j++]]));
      ({ a: v3, b: v4, c: v9, d: v14 } = G1s(v3, v4, v9, v14, msg[offset2 + s[j++]]));
      ({ a: v3, b: v4, c: v9, d: v14 } = G2s(v3, v4, v9, v14, msg[offset2 + s[j++]]));
    }
    return { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 };
  }
  var B2S_IV = /* @__PURE__ */ SHA256_IV.slice();
  var _BLAKE2s = class extends _BLAKE2 {
    // Internal state, same as SHA-256
    v0 = B2S_IV[0] | 0;
    v1 = B2S_IV[1] | 0;
    v2 = B2S_IV[2] | 0;
    v3 = B2S_IV[3] | 0;
    v4 = B2S_IV[4] | 0;
    v5 = B2S_IV[5] | 0;
    v6 = B2S_IV[6] | 0;
    v7 = B2S_IV[7] | 0;
    constructor(opts = {}) {
      opts = checkOpts({}, opts);
      const olen = opts.dkLen === void 0 ? 32 : opts.dkLen;
      super(64, olen);
      checkBlake2Opts(olen, opts, 32, 8, 8);
      let { key, personalization, salt } = opts;
      let keyLength = 0;
      if (key !== void 0) {
        abytes(key, void 0, "key");
        keyLength = key.length;
      }
      this.v0 ^= this.outputLen | keyLength << 8 | 1 << 16 | 1 << 24;
      if (salt !== void 0) {
        abytes(salt, void 0, "salt");
        const slt = u32(copyBytes(salt));
        this.v4 ^= swap8IfBE(slt[0]);
        this.v5 ^= swap8IfBE(slt[1]);
      }
      if (personalization !== void 0) {
        abytes(personalization, void 0, "personalization");
        const pers = u32(copyBytes(personalization));
        this.v6 ^= swap8IfBE(pers[0]);
        this.v7 ^= swap8IfBE(pers[1]);
      }
      if (key !== void 0) {
        const tmp = new Uint8Array(this.blockLen);
        tmp.set(key);
        this.update(tmp);
        clean(tmp);
      }
    }
    get() {
      const { v0, v1, v2, v3, v4, v5, v6, v7 } = this;
      return [v0, v1, v2, v3, v4, v5, v6, v7];
    }
    // prettier-ignore
    set(v0, v1, v2, v3, v4, v5, v6, v7) {
      this.v0 = v0 | 0;
      this.v1 = v1 | 0;
      this.v2 = v2 | 0;
      this.v3 = v3 | 0;
      this.v4 = v4 | 0;
      this.v5 = v5 | 0;
      this.v6 = v6 | 0;
      this.v7 = v7 | 0;
    }
    compress(msg, offset2, isLast) {
      const l = fromNumL(this.length);
      const h = fromNumH(this.length);
      const { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 } = _compress(BSIGMA, offset2, msg, 10, this.v0, this.v1, this.v2, this.v3, this.v4, this.v5, this.v6, this.v7, B2S_IV[0], B2S_IV[1], B2S_IV[2], B2S_IV[3], l ^ B2S_IV[4], h ^ B2S_IV[5], isLast ? ~B2S_IV[6] : B2S_IV[6], B2S_IV[7]);
      this.v0 ^= v0 ^ v8;
      this.v1 ^= v1 ^ v9;
      this.v2 ^= v2 ^ v10;
      this.v3 ^= v3 ^ v11;
      this.v4 ^= v4 ^ v12;
      this.v5 ^= v5 ^ v13;
      this.v6 ^= v6 ^ v14;
      this.v7 ^= v7 ^ v15;
    }
    destroy() {
      this.destroyed = true;
      clean(this.buffer32);
      this.set(0, 0, 0, 0, 0, 0, 0, 0);
    }
  };
  var blake2s = /* @__PURE__ */ createHasher((opts) => new _BLAKE2s(opts));

  // node_modules/@noble/hashes/hkdf.js
  var HKDF_COUNTER = /* @__PURE__ */ Uint8Array.of(0);
  var EMPTY_BUFFER = /* @__PURE__ */ Uint8Array.of();
  function expand(hash, prk, info, length = 32, _recycled) {
    ahash(hash);
    anumber(length, "length");
    abytes(prk, void 0, "prk");
    const olen = hash.outputLen;
    if (prk.length < olen)
      throw new Error('"prk" must be at least HashLen octets');
    if (length > 255 * olen)
      throw new Error("Length must be <= 255*HashLen");
    const blocks = Math.ceil(length / olen);
    if (info === void 0)
      info = EMPTY_BUFFER;
    else
      abytes(info, void 0, "info");
    if (!blocks) {
      if (_recycled)
        clean(prk);
      return new Uint8Array();
    }
    const okm = _recycled && blocks === 1 ? prk : new Uint8Array(blocks * olen);
    const { iHash, oHash } = hmac.create(hash, prk);
    const T = _recycled ? prk : new Uint8Array(olen);
    const worker = blocks > 1 ? _recycled?.iHash || hash.create() : void 0;
    for (let counter = 0; counter < blocks - 1; counter++) {
      HKDF_COUNTER[0] = counter + 1;
      const iWork = iHash._cloneInto(worker);
      if (counter)
        iWork.update(T);
      iWork.update(info).update(HKDF_COUNTER).digestInto(T);
      oHash._cloneInto(worker).update(T).digestInto(T);
      okm.set(T, olen * counter);
    }
    HKDF_COUNTER[0] = blocks;
    if (blocks > 1)
      iHash.update(T);
    iHash.update(info).update(HKDF_COUNTER).digestInto(T);
    oHash.update(T).digestInto(T);
    okm.set(T, olen * (blocks - 1));
    iHash.destroy();
    oHash.destroy();
    worker?.destroy();
    if (T !== okm)
      clean(T);
    clean(HKDF_COUNTER);
    if (length === okm.length)
      return okm;
    const res = okm.slice(0, length);
    clean(okm);
    return res;
  }
  var hkdf = (hash, ikm, salt, info, length) => {
    ahash(hash);
    if (salt === void 0)
      salt = new Uint8Array(hash.outputLen);
    const HMAC = hmac.create(hash, salt).update(ikm);
    return expand(hash, HMAC.digest(), info, length, HMAC);
  };

  // node_modules/@noble/hashes/legacy.js
  var SHA1_IV = /* @__PURE__ */ Uint32Array.from([
    1732584193,
    4023233417,
    2562383102,
    271733878,
    3285377520
  ]);
  var SHA1_W = /* @__PURE__ */ new Uint32Array(80);
  var _SHA1 = class extends HashMD {
    A = SHA1_IV[0] | 0;
    B = SHA1_IV[1] | 0;
    C = SHA1_IV[2] | 0;
    D = SHA1_IV[3] | 0;
    E = SHA1_IV[4] | 0;
    constructor() {
      super(64, 20, 8, false);
    }
    get() {
      const { A, B: B2, C, D, E } = this;
      return [A, B2, C, D, E];
    }
    set(A, B2, C, D, E) {
      this.A = A | 0;
      this.B = B2 | 0;
      this.C = C | 0;
      this.D = D | 0;
      this.E = E | 0;
    }
    _cloneInto(to) {
      (to ||= new this.constructor()).set(...this.get());
      return this._cloneIntoMeta(to);
    }
    process(view, offset2) {
      for (let i2 = 0; i2 < 16; i2++, offset2 += 4)
        SHA1_W[i2] = view.getUint32(offset2, false);
      for (let i2 = 16; i2 < 80; i2++)
        SHA1_W[i2] = rotl(SHA1_W[i2 - 3] ^ SHA1_W[i2 - 8] ^ SHA1_W[i2 - 14] ^ SHA1_W[i2 - 16], 1);
      let { A, B: B2, C, D, E } = this;
      for (let i2 = 0; i2 < 80; i2++) {
        let F, K2;
        if (i2 < 20) {
          F = Chi(B2, C, D);
          K2 = 1518500249;
        } else if (i2 < 40) {
          F = B2 ^ C ^ D;
          K2 = 1859775393;
        } else if (i2 < 60) {
          F = Maj(B2, C, D);
          K2 = 2400959708;
        } else {
          F = B2 ^ C ^ D;
          K2 = 3395469782;
        }
        const T = rotl(A, 5) + F + E + K2 + SHA1_W[i2] | 0;
        E = D;
        D = C;
        C = rotl(B2, 30);
        B2 = A;
        A = T;
      }
      A = A + this.A | 0;
      B2 = B2 + this.B | 0;
      C = C + this.C | 0;
      D = D + this.D | 0;
      E = E + this.E | 0;
      this.set(A, B2, C, D, E);
    }
    roundClean() {
      clean(SHA1_W);
    }
    destroy() {
      this.destroyed = true;
      this.set(0, 0, 0, 0, 0);
      clean(this.buffer);
    }
  };
  var sha1 = /* @__PURE__ */ createHasher(() => new _SHA1());
  var p32 = /* @__PURE__ */ Math.pow(2, 32);
  var K = /* @__PURE__ */ Array.from({ length: 64 }, (_, i2) => Math.floor(p32 * Math.abs(Math.sin(i2 + 1))));
  var MD5_IV = /* @__PURE__ */ SHA1_IV.slice(0, 4);
  var MD5_W = /* @__PURE__ */ new Uint32Array(16);
  var MD5_SHIFTS = /* @__PURE__ */ (() => {
    const S = [
      [7, 12, 17, 22],
      [5, 9, 14, 20],
      [4, 11, 16, 23],
      [6, 10, 15, 21]
    ];
    return Uint8Array.from({ length: 64 }, (_, i2) => S[Math.floor(i2 / 16)][i2 % 4]);
  })();
  var _MD5 = class extends HashMD {
    A = MD5_IV[0] | 0;
    B = MD5_IV[1] | 0;
    C = MD5_IV[2] | 0;
    D = MD5_IV[3] | 0;
    constructor() {
      super(64, 16, 8, true);
    }
    get() {
      const { A, B: B2, C, D } = this;
      return [A, B2, C, D];
    }
    set(A, B2, C, D) {
      this.A = A | 0;
      this.B = B2 | 0;
      this.C = C | 0;
      this.D = D | 0;
    }
    _cloneInto(to) {
      (to ||= new this.constructor()).set(...this.get());
      return this._cloneIntoMeta(to);
    }
    process(view, offset2) {
      for (let i2 = 0; i2 < 16; i2++, offset2 += 4)
        MD5_W[i2] = view.getUint32(offset2, true);
      let { A, B: B2, C, D } = this;
      for (let i2 = 0; i2 < 64; i2++) {
        let F, g;
        if (i2 < 16) {
          F = Chi(B2, C, D);
          g = i2;
        } else if (i2 < 32) {
          F = Chi(D, B2, C);
          g = (5 * i2 + 1) % 16;
        } else if (i2 < 48) {
          F = B2 ^ C ^ D;
          g = (3 * i2 + 5) % 16;
        } else {
          F = C ^ (B2 | ~D);
          g = 7 * i2 % 16;
        }
        F = F + A + K[i2] + MD5_W[g];
        A = D;
        D = C;
        C = B2;
        B2 = B2 + rotl(F, MD5_SHIFTS[i2]);
      }
      A = A + this.A | 0;
      B2 = B2 + this.B | 0;
      C = C + this.C | 0;
      D = D + this.D | 0;
      this.set(A, B2, C, D);
    }
    roundClean() {
      clean(MD5_W);
    }
    destroy() {
      this.destroyed = true;
      this.set(0, 0, 0, 0);
      clean(this.buffer);
    }
  };
  var md5 = /* @__PURE__ */ createHasher(() => new _MD5());
  var Rho160 = /* @__PURE__ */ Uint8Array.from([
    7,
    4,
    13,
    1,
    10,
    6,
    15,
    3,
    12,
    0,
    9,
    5,
    2,
    14,
    11,
    8
  ]);
  var Id160 = /* @__PURE__ */ (() => Uint8Array.from(new Array(16).fill(0).map((_, i2) => i2)))();
  var Pi160 = /* @__PURE__ */ (() => Id160.map((i2) => (9 * i2 + 5) % 16))();
  var idxLR = /* @__PURE__ */ (() => {
    const L = [Id160];
    const R = [Pi160];
    const res = [L, R];
    for (let i2 = 0; i2 < 4; i2++)
      for (let j of res)
        j.push(j[i2].map((k) => Rho160[k]));
    return res;
  })();
  var idxL = /* @__PURE__ */ (() => idxLR[0])();
  var idxR = /* @__PURE__ */ (() => idxLR[1])();
  var shifts160 = /* @__PURE__ */ [
    [11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8],
    [12, 13, 11, 15, 6, 9, 9, 7, 12, 15, 11, 13, 7, 8, 7, 7],
    [13, 15, 14, 11, 7, 7, 6, 8, 13, 14, 13, 12, 5, 5, 6, 9],
    [14, 11, 12, 14, 8, 6, 5, 5, 15, 12, 15, 14, 9, 9, 8, 6],
    [15, 12, 13, 13, 9, 5, 8, 6, 14, 11, 12, 11, 8, 6, 5, 5]
  ].map((i2) => Uint8Array.from(i2));
  var shiftsL160 = /* @__PURE__ */ idxL.map((idx, i2) => idx.map((j) => shifts160[i2][j]));
  var shiftsR160 = /* @__PURE__ */ idxR.map((idx, i2) => idx.map((j) => shifts160[i2][j]));
  var Kl160 = /* @__PURE__ */ Uint32Array.from([
    0,
    1518500249,
    1859775393,
    2400959708,
    2840853838
  ]);
  var Kr160 = /* @__PURE__ */ Uint32Array.from([
    1352829926,
    1548603684,
    1836072691,
    2053994217,
    0
  ]);
  function ripemd_f(group, x, y, z) {
    if (group === 0)
      return x ^ y ^ z;
    if (group === 1)
      return x & y | ~x & z;
    if (group === 2)
      return (x | ~y) ^ z;
    if (group === 3)
      return x & z | y & ~z;
    return x ^ (y | ~z);
  }
  var BUF_160 = /* @__PURE__ */ new Uint32Array(16);
  var _RIPEMD160 = class extends HashMD {
    h0 = 1732584193 | 0;
    h1 = 4023233417 | 0;
    h2 = 2562383102 | 0;
    h3 = 271733878 | 0;
    h4 = 3285377520 | 0;
    constructor() {
      super(64, 20, 8, true);
    }
    get() {
      const { h0, h1, h2, h3, h4 } = this;
      return [h0, h1, h2, h3, h4];
    }
    set(h0, h1, h2, h3, h4) {
      this.h0 = h0 | 0;
      this.h1 = h1 | 0;
      this.h2 = h2 | 0;
      this.h3 = h3 | 0;
      this.h4 = h4 | 0;
    }
    _cloneInto(to) {
      (to ||= new this.constructor()).set(...this.get());
      return this._cloneIntoMeta(to);
    }
    process(view, offset2) {
      for (let i2 = 0; i2 < 16; i2++, offset2 += 4)
        BUF_160[i2] = view.getUint32(offset2, true);
      let al = this.h0 | 0, ar = al, bl = this.h1 | 0, br = bl, cl = this.h2 | 0, cr = cl, dl = this.h3 | 0, dr = dl, el = this.h4 | 0, er = el;
      for (let group = 0; group < 5; group++) {
        const rGroup = 4 - group;
        const hbl = Kl160[group], hbr = Kr160[group];
        const rl = idxL[group], rr = idxR[group];
        const sl = shiftsL160[group], sr = shiftsR160[group];
        for (let i2 = 0; i2 < 16; i2++) {
          const tl = rotl(al + ripemd_f(group, bl, cl, dl) + BUF_160[rl[i2]] + hbl, sl[i2]) + el | 0;
          al = el, el = dl, dl = rotl(cl, 10) | 0, cl = bl, bl = tl;
        }
        for (let i2 = 0; i2 < 16; i2++) {
          const tr = rotl(ar + ripemd_f(rGroup, br, cr, dr) + BUF_160[rr[i2]] + hbr, sr[i2]) + er | 0;
          ar = er, er = dr, dr = rotl(cr, 10) | 0, cr = br, br = tr;
        }
      }
      this.set(this.h1 + cl + dr | 0, this.h2 + dl + er | 0, this.h3 + el + ar | 0, this.h4 + al + br | 0, this.h0 + bl + cr | 0);
    }
    roundClean() {
      clean(BUF_160);
    }
    destroy() {
      this.destroyed = true;
      clean(this.buffer);
      this.set(0, 0, 0, 0, 0);
    }
  };
  var ripemd160 = /* @__PURE__ */ createHasher(() => new _RIPEMD160());

  // node_modules/@noble/hashes/pbkdf2.js
  function pbkdf2Init(hash, _password, _salt, _opts) {
    ahash(hash);
    const opts = checkOpts({ dkLen: 32, asyncTick: 10 }, _opts);
    const { c, dkLen, asyncTick } = opts;
    anumber(c, "c");
    anumber(dkLen, "dkLen");
    anumber(asyncTick, "asyncTick");
    if (c < 1)
      throw new Error('"c" (iterations) must be >= 1');
    if (dkLen < 1)
      throw new Error('"dkLen" must be >= 1');
    if (dkLen > (2 ** 32 - 1) * hash.outputLen)
      throw new Error("derived key too long");
    const p = kdfInputToBytes(_password, "password");
    try {
      const s = kdfInputToBytes(_salt, "salt");
      try {
        const DK = new Uint8Array(dkLen);
        const { iHash, oHash, outputLen } = hmac.create(hash, p);
        const u = new Uint8Array(outputLen);
        const eng = pbkdf2Engine(iHash, oHash, s, u);
        return { c, dkLen, asyncTick, DK, outputLen, eng };
      } finally {
        if (typeof _salt === "string")
          clean(s);
      }
    } finally {
      if (typeof _password === "string")
        clean(p);
    }
  }
  function pbkdf2Engine(iHash, oHash, salt, u) {
    const counter = new Uint8Array(4);
    const view = createView(counter);
    const salted = iHash._cloneInto().update(salt);
    const work = oHash._cloneInto();
    const iClone = iHash._cloneInto;
    const oClone = oHash._cloneInto;
    return {
      u1: (ti, Ti) => {
        view.setInt32(0, ti, false);
        salted._cloneInto(work).update(counter).digestInto(u);
        oHash._cloneInto(work).update(u).digestInto(u);
        Ti.set(u.subarray(0, Ti.length));
      },
      // Whole `F` inner loop for the sync variant: one optimized function owns the hot loop.
      rounds: (c, Ti) => {
        for (let ui = 1; ui < c; ui++) {
          iClone.call(iHash, work).update(u).digestInto(u);
          oClone.call(oHash, work).update(u).digestInto(u);
          for (let i2 = 0; i2 < Ti.length; i2++)
            Ti[i2] ^= u[i2];
        }
      },
      output: (DK) => {
        iHash.destroy();
        oHash.destroy();
        salted.destroy();
        work.destroy();
        clean(u);
        return DK;
      }
    };
  }
  function pbkdf2(hash, password, salt, opts) {
    const { c, dkLen, DK, outputLen, eng } = pbkdf2Init(hash, password, salt, opts);
    for (let ti = 1, pos = 0; pos < dkLen; ti++, pos += outputLen) {
      const Ti = DK.subarray(pos, pos + outputLen);
      eng.u1(ti, Ti);
      eng.rounds(c, Ti);
    }
    return eng.output(DK);
  }

  // node_modules/@noble/hashes/scrypt.js
  function XorAndSalsa(prev, pi, input, ii, out, oi) {
    let y00 = prev[pi++] ^ input[ii++], y01 = prev[pi++] ^ input[ii++];
    let y02 = prev[pi++] ^ input[ii++], y03 = prev[pi++] ^ input[ii++];
    let y04 = prev[pi++] ^ input[ii++], y05 = prev[pi++] ^ input[ii++];
    let y06 = prev[pi++] ^ input[ii++], y07 = prev[pi++] ^ input[ii++];
    let y08 = prev[pi++] ^ input[ii++], y09 = prev[pi++] ^ input[ii++];
    let y10 = prev[pi++] ^ input[ii++], y11 = prev[pi++] ^ input[ii++];
    let y12 = prev[pi++] ^ input[ii++], y13 = prev[pi++] ^ input[ii++];
    let y14 = prev[pi++] ^ input[ii++], y15 = prev[pi++] ^ input[ii++];
    let x00 = y00, x01 = y01, x02 = y02, x03 = y03, x04 = y04, x05 = y05, x06 = y06, x07 = y07, x08 = y08, x09 = y09, x10 = y10, x11 = y11, x12 = y12, x13 = y13, x14 = y14, x15 = y15;
    for (let i2 = 0; i2 < 8; i2 += 2) {
      x04 ^= rotl(x00 + x12 | 0, 7);
      x08 ^= rotl(x04 + x00 | 0, 9);
      x12 ^= rotl(x08 + x04 | 0, 13);
      x00 ^= rotl(x12 + x08 | 0, 18);
      x09 ^= rotl(x05 + x01 | 0, 7);
      x13 ^= rotl(x09 + x05 | 0, 9);
      x01 ^= rotl(x13 + x09 | 0, 13);
      x05 ^= rotl(x01 + x13 | 0, 18);
      x14 ^= rotl(x10 + x06 | 0, 7);
      x02 ^= rotl(x14 + x10 | 0, 9);
      x06 ^= rotl(x02 + x14 | 0, 13);
      x10 ^= rotl(x06 + x02 | 0, 18);
      x03 ^= rotl(x15 + x11 | 0, 7);
      x07 ^= rotl(x03 + x15 | 0, 9);
      x11 ^= rotl(x07 + x03 | 0, 13);
      x15 ^= rotl(x11 + x07 | 0, 18);
      x01 ^= rotl(x00 + x03 | 0, 7);
      x02 ^= rotl(x01 + x00 | 0, 9);
      x03 ^= rotl(x02 + x01 | 0, 13);
      x00 ^= rotl(x03 + x02 | 0, 18);
      x06 ^= rotl(x05 + x04 | 0, 7);
      x07 ^= rotl(x06 + x05 | 0, 9);
      x04 ^= rotl(x07 + x06 | 0, 13);
      x05 ^= rotl(x04 + x07 | 0, 18);
      x11 ^= rotl(x10 + x09 | 0, 7);
      x08 ^= rotl(x11 + x10 | 0, 9);
      x09 ^= rotl(x08 + x11 | 0, 13);
      x10 ^= rotl(x09 + x08 | 0, 18);
      x12 ^= rotl(x15 + x14 | 0, 7);
      x13 ^= rotl(x12 + x15 | 0, 9);
      x14 ^= rotl(x13 + x12 | 0, 13);
      x15 ^= rotl(x14 + x13 | 0, 18);
    }
    out[oi++] = y00 + x00 | 0;
    out[oi++] = y01 + x01 | 0;
    out[oi++] = y02 + x02 | 0;
    out[oi++] = y03 + x03 | 0;
    out[oi++] = y04 + x04 | 0;
    out[oi++] = y05 + x05 | 0;
    out[oi++] = y06 + x06 | 0;
    out[oi++] = y07 + x07 | 0;
    out[oi++] = y08 + x08 | 0;
    out[oi++] = y09 + x09 | 0;
    out[oi++] = y10 + x10 | 0;
    out[oi++] = y11 + x11 | 0;
    out[oi++] = y12 + x12 | 0;
    out[oi++] = y13 + x13 | 0;
    out[oi++] = y14 + x14 | 0;
    out[oi++] = y15 + x15 | 0;
  }
  function BlockMix(input, ii, out, oi, r) {
    let head = oi + 0;
    let tail = oi + 16 * r;
    for (let i2 = 0; i2 < 16; i2++)
      out[tail + i2] = input[ii + (2 * r - 1) * 16 + i2];
    for (let i2 = 0; i2 < r; i2++, head += 16, ii += 16) {
      XorAndSalsa(out, tail, input, ii, out, head);
      if (i2 > 0)
        tail += 16;
      XorAndSalsa(out, head, input, ii += 16, out, tail);
    }
  }
  var SCRYPT_DEFAULT_MAXMEM = 128 * 8 * (2 ** 20 + 1 + 1);
  function scryptInit(password, salt, _opts) {
    const opts = checkOpts({
      dkLen: 32,
      asyncTick: 10,
      maxmem: SCRYPT_DEFAULT_MAXMEM
    }, _opts);
    const { N, r, p, dkLen, asyncTick, maxmem, onProgress } = opts;
    anumber(N, "N");
    anumber(r, "r");
    anumber(p, "p");
    anumber(dkLen, "dkLen");
    anumber(asyncTick, "asyncTick");
    anumber(maxmem, "maxmem");
    if (onProgress !== void 0 && typeof onProgress !== "function")
      throw new Error('"onProgress" must be a function');
    if (r < 1)
      throw new Error('"r" expected integer >= 1');
    const blockSize = 128 * r;
    const blockSize32 = blockSize / 4;
    const pow32 = Math.pow(2, 32);
    if (N <= 1 || (N & N - 1) !== 0 || N > pow32)
      throw new Error('"N" expected a power of 2, and 2^1 <= N <= 2^32');
    if (p < 1 || p > (pow32 - 1) * 32 / blockSize)
      throw new Error('"p" expected integer 1..((2^32 - 1) * 32) / (128 * r)');
    if (dkLen < 1 || dkLen > (pow32 - 1) * 32)
      throw new Error('"dkLen" expected integer 1..(2^32 - 1) * 32');
    const memUsed = blockSize * (N + p + 1);
    if (memUsed > maxmem)
      throw new Error('"maxmem" limit was hit: memUsed(128*r*(N+p+1))=' + memUsed + ", maxmem=" + maxmem);
    const B2 = pbkdf2(sha256, password, salt, { c: 1, dkLen: blockSize * p });
    const B32 = u32(B2);
    const V = u32(new Uint8Array(blockSize * N));
    const tmp = u32(new Uint8Array(blockSize));
    let blockMixCb = () => {
    };
    if (onProgress) {
      const totalBlockMix = 2 * N * p;
      const callbackPer = Math.max(Math.floor(totalBlockMix / 1e4), 1);
      let blockMixCnt = 0;
      blockMixCb = () => {
        blockMixCnt++;
        if (onProgress && (!(blockMixCnt % callbackPer) || blockMixCnt === totalBlockMix)) {
          try {
            onProgress(blockMixCnt / totalBlockMix);
          } catch (e) {
            clean(B2, V, tmp);
            throw e;
          }
        }
      };
    }
    return { N, r, p, dkLen, blockSize32, V, B32, B: B2, tmp, blockMixCb, asyncTick };
  }
  function scryptOutput(password, dkLen, B2, V, tmp) {
    const res = pbkdf2(sha256, password, B2, { c: 1, dkLen });
    clean(B2, V, tmp);
    return res;
  }
  function scrypt(password, salt, opts) {
    const { N, r, p, dkLen, blockSize32, V, B32, B: B2, tmp, blockMixCb } = scryptInit(password, salt, opts);
    swap32IfBE(B32);
    for (let pi = 0; pi < p; pi++) {
      const Pi = blockSize32 * pi;
      for (let i2 = 0; i2 < blockSize32; i2++)
        V[i2] = B32[Pi + i2];
      for (let i2 = 0, pos = 0; i2 < N - 1; i2++) {
        BlockMix(V, pos, V, pos += blockSize32, r);
        blockMixCb();
      }
      BlockMix(V, (N - 1) * blockSize32, B32, Pi, r);
      blockMixCb();
      for (let i2 = 0; i2 < N; i2++) {
        const j = (B32[Pi + blockSize32 - 16] & N - 1) >>> 0;
        for (let k = 0; k < blockSize32; k++)
          tmp[k] = B32[Pi + k] ^ V[j * blockSize32 + k];
        BlockMix(tmp, 0, B32, Pi, r);
        blockMixCb();
      }
    }
    swap32IfBE(B32);
    return scryptOutput(password, dkLen, B2, V, tmp);
  }

  // node_modules/@noble/hashes/sha3.js
  var _0n = BigInt(0);
  var _1n = BigInt(1);
  var _2n = BigInt(2);
  var _7n = BigInt(7);
  var _256n = BigInt(256);
  var _0x71n = BigInt(113);
  var SHA3_PI = [];
  var SHA3_ROTL = [];
  var _SHA3_IOTA = [];
  for (let round = 0, R = _1n, x = 1, y = 0; round < 24; round++) {
    [x, y] = [y, (2 * x + 3 * y) % 5];
    SHA3_PI.push(2 * (5 * y + x));
    SHA3_ROTL.push((round + 1) * (round + 2) / 2 % 64);
    let t = _0n;
    for (let j = 0; j < 7; j++) {
      R = (R << _1n ^ (R >> _7n) * _0x71n) % _256n;
      if (R & _2n)
        t ^= _1n << (_1n << BigInt(j)) - _1n;
    }
    _SHA3_IOTA.push(t);
  }
  var IOTAS = split(_SHA3_IOTA, true);
  var SHA3_IOTA_H = IOTAS[0];
  var SHA3_IOTA_L = IOTAS[1];
  var rotlSH = (h, l, s) => h << s | l >>> 32 - s;
  var rotlSL = (h, l, s) => l << s | h >>> 32 - s;
  var rotlBH = (h, l, s) => l << s - 32 | h >>> 64 - s;
  var rotlBL = (h, l, s) => h << s - 32 | l >>> 64 - s;
  var rotlH = (h, l, s) => s > 32 ? rotlBH(h, l, s) : rotlSH(h, l, s);
  var rotlL = (h, l, s) => s > 32 ? rotlBL(h, l, s) : rotlSL(h, l, s);
  var B = new Uint32Array(5 * 2);
  function keccakP(s, rounds = 24) {
    if (!(s instanceof Uint32Array))
      throw new TypeError('"s" expected Uint32Array(50), got type=' + typeof s);
    if (s.length !== 50)
      throw new RangeError('"s" expected Uint32Array(50), got length=' + s.length);
    anumber(rounds, "rounds");
    if (rounds < 1 || rounds > 24)
      throw new Error('"rounds" expected integer 1..24');
    for (let round = 24 - rounds; round < 24; round++) {
      for (let x = 0; x < 10; x++)
        B[x] = s[x] ^ s[x + 10] ^ s[x + 20] ^ s[x + 30] ^ s[x + 40];
      for (let x = 0; x < 10; x += 2) {
        const idx1 = (x + 8) % 10;
        const idx0 = (x + 2) % 10;
        const B0 = B[idx0];
        const B1 = B[idx0 + 1];
        const Th = rotlH(B0, B1, 1) ^ B[idx1];
        const Tl = rotlL(B0, B1, 1) ^ B[idx1 + 1];
        for (let y = 0; y < 50; y += 10) {
          s[x + y] ^= Th;
          s[x + y + 1] ^= Tl;
        }
      }
      let curH = s[2];
      let curL = s[3];
      for (let t = 0; t < 24; t++) {
        const shift = SHA3_ROTL[t];
        const Th = rotlH(curH, curL, shift);
        const Tl = rotlL(curH, curL, shift);
        const PI = SHA3_PI[t];
        curH = s[PI];
        curL = s[PI + 1];
        s[PI] = Th;
        s[PI + 1] = Tl;
      }
      for (let y = 0; y < 50; y += 10) {
        const b0 = s[y], b1 = s[y + 1], b2 = s[y + 2], b3 = s[y + 3];
        s[y] ^= ~s[y + 2] & s[y + 4];
        s[y + 1] ^= ~s[y + 3] & s[y + 5];
        s[y + 2] ^= ~s[y + 4] & s[y + 6];
        s[y + 3] ^= ~s[y + 5] & s[y + 7];
        s[y + 4] ^= ~s[y + 6] & s[y + 8];
        s[y + 5] ^= ~s[y + 7] & s[y + 9];
        s[y + 6] ^= ~s[y + 8] & b0;
        s[y + 7] ^= ~s[y + 9] & b1;
        s[y + 8] ^= ~b0 & b2;
        s[y + 9] ^= ~b1 & b3;
      }
      s[0] ^= SHA3_IOTA_H[round];
      s[1] ^= SHA3_IOTA_L[round];
    }
    clean(B);
  }
  var Keccak = class _Keccak {
    state;
    pos = 0;
    posOut = 0;
    finished = false;
    state32;
    destroyed = false;
    blockLen;
    suffix;
    outputLen;
    canXOF;
    enableXOF = false;
    rounds;
    // NOTE: we accept arguments in bytes instead of bits here.
    constructor(blockLen, suffix, outputLen, enableXOF = false, rounds = 24) {
      anumber(blockLen, "blockLen");
      anumber(suffix, "suffix");
      anumber(rounds, "rounds");
      abool(enableXOF, "enableXOF");
      this.blockLen = blockLen;
      this.suffix = suffix;
      this.outputLen = outputLen;
      this.enableXOF = enableXOF;
      this.canXOF = enableXOF;
      this.rounds = rounds;
      anumber(outputLen, "outputLen");
      if (!(0 < blockLen && blockLen < 200))
        throw new Error('"blockLen" must be 1..199');
      this.state = new Uint8Array(200);
      this.state32 = u32(this.state);
    }
    clone() {
      return this._cloneInto();
    }
    keccak() {
      swap32IfBE(this.state32);
      keccakP(this.state32, this.rounds);
      swap32IfBE(this.state32);
      this.posOut = 0;
      this.pos = 0;
    }
    update(data2) {
      aexists(this);
      abytes(data2);
      const { blockLen, state, state32 } = this;
      const len = data2.length;
      const canUseU32 = blockLen % 4 === 0 && data2.byteOffset % 4 === 0;
      const blockLen32 = blockLen / 4;
      const data32 = canUseU32 && len >= blockLen ? u32(data2) : void 0;
      for (let pos = 0; pos < len; ) {
        if (data32 !== void 0 && this.pos === 0 && pos % 4 === 0 && len - pos >= blockLen) {
          for (let i2 = 0, o = pos / 4; i2 < blockLen32; i2++)
            state32[i2] ^= data32[o + i2];
          pos += blockLen;
          this.pos = blockLen;
          this.keccak();
          continue;
        }
        const take = Math.min(blockLen - this.pos, len - pos);
        for (let i2 = 0; i2 < take; i2++)
          state[this.pos++] ^= data2[pos++];
        if (this.pos === blockLen)
          this.keccak();
      }
      return this;
    }
    finish() {
      if (this.finished)
        return;
      this.finished = true;
      const { state, suffix, pos, blockLen } = this;
      state[pos] ^= suffix;
      if ((suffix & 128) !== 0 && pos === blockLen - 1)
        this.keccak();
      state[blockLen - 1] ^= 128;
      this.keccak();
    }
    writeInto(out) {
      aexists(this, false);
      abytes(out);
      this.finish();
      const bufferOut = this.state;
      const { blockLen } = this;
      for (let pos = 0, len = out.length; pos < len; ) {
        if (this.posOut >= blockLen)
          this.keccak();
        const take = Math.min(blockLen - this.posOut, len - pos);
        out.set(bufferOut.subarray(this.posOut, this.posOut + take), pos);
        this.posOut += take;
        pos += take;
      }
      return out;
    }
    xofInto(out) {
      if (!this.enableXOF)
        throw new Error("XOF is not enabled");
      return this.writeInto(out);
    }
    xof(bytes) {
      anumber(bytes);
      return this.xofInto(new Uint8Array(bytes));
    }
    digestInto(out) {
      aoutput(out, this);
      if (this.finished)
        throw new Error("digest() was already called");
      this.writeInto(out.length === this.outputLen ? out : out.subarray(0, this.outputLen));
      this.destroy();
    }
    digest() {
      const out = new Uint8Array(this.outputLen);
      this.digestInto(out);
      return out;
    }
    destroy() {
      this.destroyed = true;
      clean(this.state);
    }
    _cloneInto(to) {
      const { blockLen, suffix, outputLen, rounds, enableXOF } = this;
      to ||= new _Keccak(blockLen, suffix, outputLen, enableXOF, rounds);
      to.blockLen = blockLen;
      to.state32.set(this.state32);
      to.pos = this.pos;
      to.posOut = this.posOut;
      to.finished = this.finished;
      to.rounds = rounds;
      to.suffix = suffix;
      to.outputLen = outputLen;
      to.enableXOF = enableXOF;
      to.canXOF = this.canXOF;
      to.destroyed = this.destroyed;
      return to;
    }
  };
  var genKeccak = (suffix, blockLen, outputLen, info = {}) => createHasher(() => new Keccak(blockLen, suffix, outputLen), info);
  var sha3_224 = /* @__PURE__ */ genKeccak(
    6,
    144,
    28,
    /* @__PURE__ */ oidNist(7)
  );
  var sha3_256 = /* @__PURE__ */ genKeccak(
    6,
    136,
    32,
    /* @__PURE__ */ oidNist(8)
  );
  var sha3_384 = /* @__PURE__ */ genKeccak(
    6,
    104,
    48,
    /* @__PURE__ */ oidNist(9)
  );
  var sha3_512 = /* @__PURE__ */ genKeccak(
    6,
    72,
    64,
    /* @__PURE__ */ oidNist(10)
  );
  var genShake = (suffix, blockLen, outputLen, info = {}) => createHasher((opts = {}) => {
    opts = checkOpts({}, opts);
    return new Keccak(blockLen, suffix, opts.dkLen === void 0 ? outputLen : opts.dkLen, true);
  }, info);
  var shake128 = /* @__PURE__ */ genShake(31, 168, 16, /* @__PURE__ */ oidNist(11));
  var shake256 = /* @__PURE__ */ genShake(31, 136, 32, /* @__PURE__ */ oidNist(12));

  // node_modules/@noble/curves/utils.js
  function aarray(item, title, inner = () => {
  }) {
    if (!Array.isArray(item))
      throw new TypeError(`"${title}" expected array, got type=${typeof item}`);
    for (let i2 = 0; i2 < item.length; i2++)
      inner(item[i2], `${title}[${i2}]`);
    return item;
  }
  var abytes2 = (value, length, title) => abytes(value, length, title);
  var anumber2 = anumber;
  function astring(value, title = "") {
    if (typeof value !== "string") {
      const prefix = title && `"${title}" `;
      throw new TypeError(prefix + "expected string, got type=" + typeof value);
    }
    return value;
  }
  function aobject2(value, title = "object") {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw new TypeError(title === "object" ? "expected valid options object" : `"${title}" expected object, got type=${typeof value}`);
    return value;
  }
  function afunction(value, title) {
    if (typeof value !== "function")
      throw new TypeError(`"${title}" is invalid: expected function, got ${typeof value}`);
    return value;
  }
  var bytesToHex2 = bytesToHex;
  var concatBytes2 = (...arrays) => concatBytes(...arrays);
  var hexToBytes2 = (hex) => hexToBytes(hex);
  var isBytes2 = isBytes;
  var randomBytes2 = (bytesLength) => randomBytes(bytesLength);
  var _0n2 = /* @__PURE__ */ BigInt(0);
  var _1n2 = /* @__PURE__ */ BigInt(1);
  var atitle2 = (title) => title ? `"${title}" ` : "";
  function abool2(value, title = "") {
    if (typeof value !== "boolean")
      throw new TypeError(atitle2(title) + "expected boolean, got type=" + typeof value);
    return value;
  }
  function abignumber(n) {
    if (typeof n === "bigint") {
      if (!isPosBig(n))
        throw new RangeError("positive bigint expected, got " + n);
    } else
      anumber2(n);
    return n;
  }
  function asafenumber(value, title = "") {
    if (typeof value !== "number") {
      const prefix = title && `"${title}" `;
      throw new TypeError(prefix + "expected number, got type=" + typeof value);
    }
    if (!Number.isSafeInteger(value)) {
      const prefix = title && `"${title}" `;
      throw new RangeError(prefix + "expected safe integer, got " + value);
    }
  }
  function numberToHexUnpadded(num) {
    const hex = abignumber(num).toString(16);
    return hex.length & 1 ? "0" + hex : hex;
  }
  function hexToNumber(hex) {
    if (typeof hex !== "string")
      throw new TypeError("hex string expected, got " + typeof hex);
    return hex === "" ? _0n2 : BigInt("0x" + hex);
  }
  function bytesToNumberBE(bytes) {
    return hexToNumber(bytesToHex(bytes));
  }
  function bytesToNumberLE(bytes) {
    return hexToNumber(bytesToHex(copyBytes2(abytes(bytes)).reverse()));
  }
  function numberToBytesBE(n, len) {
    anumber(len);
    if (len === 0)
      throw new Error("zero output length is invalid");
    n = abignumber(n);
    const expectedLen = len * 2;
    const hex = n.toString(16);
    if (hex.length > expectedLen)
      throw new RangeError("number is too large");
    return hexToBytes(hex.padStart(expectedLen, "0"));
  }
  function numberToBytesLE(n, len) {
    return numberToBytesBE(n, len).reverse();
  }
  function copyBytes2(bytes) {
    return Uint8Array.from(abytes2(bytes));
  }
  function isPosBig(n) {
    return typeof n === "bigint" && _0n2 <= n;
  }
  function inRange(n, min, max) {
    return isPosBig(n) && isPosBig(min) && isPosBig(max) && min <= n && n < max;
  }
  function aInRange(title, n, min, max) {
    if (!inRange(n, min, max))
      throw new RangeError("expected valid " + title + ": " + min + " <= n < " + max + ", got " + n);
  }
  function bitLen(n) {
    if (n < _0n2)
      throw new Error("expected non-negative bigint, got " + n);
    return n === _0n2 ? 0 : n.toString(2).length;
  }
  var bitMask = (n) => {
    asafenumber(n, "n");
    return (_1n2 << BigInt(n)) - _1n2;
  };
  function createHmacDrbg(hashLen, qByteLen, hmacFn) {
    anumber(hashLen, "hashLen");
    anumber(qByteLen, "qByteLen");
    if (typeof hmacFn !== "function")
      throw new TypeError("hmacFn must be a function");
    const u8n = (len) => new Uint8Array(len);
    const NULL = Uint8Array.of();
    const byte0 = Uint8Array.of(0);
    const byte1 = Uint8Array.of(1);
    const _maxDrbgIters = 1e3;
    let v = u8n(hashLen);
    let k = u8n(hashLen);
    let i2 = 0;
    const reset2 = () => {
      v.fill(1);
      k.fill(0);
      i2 = 0;
    };
    const h = (...msgs) => hmacFn(k, concatBytes2(v, ...msgs));
    const reseed = (seed = NULL) => {
      k = h(byte0, seed);
      v = h();
      if (seed.length === 0)
        return;
      k = h(byte1, seed);
      v = h();
    };
    const gen = () => {
      if (i2++ >= _maxDrbgIters)
        throw new Error("drbg: tried max amount of iterations");
      let len = 0;
      const out = [];
      while (len < qByteLen) {
        v = h();
        const sl = v.slice();
        out.push(sl);
        len += v.length;
      }
      return concatBytes2(...out);
    };
    const genUntil = (seed, pred) => {
      reset2();
      reseed(seed);
      let res = void 0;
      while ((res = pred(gen())) === void 0)
        reseed();
      reset2();
      return res;
    };
    return genUntil;
  }
  function validateObject(object, fields = {}, optFields = {}, title = "object") {
    aobject2(object, title);
    aobject2(fields, "fields");
    aobject2(optFields, "optFields");
    function checkField(fieldName, expectedType, isOpt) {
      const label = title === "object" ? `param "${String(fieldName)}"` : `"${title}.${String(fieldName)}"`;
      const val = object[fieldName];
      if (!Object.hasOwn(object, fieldName) && (isOpt ? val !== void 0 : expectedType !== "function")) {
        throw new TypeError(`${label} is invalid: expected own property`);
      }
      if (isOpt && val === void 0)
        return;
      const current2 = typeof val;
      if (current2 !== expectedType || val === null)
        throw new TypeError(`${label} is invalid: expected ${expectedType}, got ${current2}`);
    }
    const iter = (f, isOpt) => Object.entries(f).forEach(([k, v]) => checkField(k, v, isOpt));
    iter(fields, false);
    iter(optFields, true);
  }

  // node_modules/@noble/curves/abstract/modular.js
  var _0n3 = /* @__PURE__ */ BigInt(0);
  var _1n3 = /* @__PURE__ */ BigInt(1);
  var _2n2 = /* @__PURE__ */ BigInt(2);
  var _3n = /* @__PURE__ */ BigInt(3);
  var _4n = /* @__PURE__ */ BigInt(4);
  var _5n = /* @__PURE__ */ BigInt(5);
  var _7n2 = /* @__PURE__ */ BigInt(7);
  var _8n = /* @__PURE__ */ BigInt(8);
  var _9n = /* @__PURE__ */ BigInt(9);
  var _15n = /* @__PURE__ */ BigInt(15);
  var _16n = /* @__PURE__ */ BigInt(16);
  var POW_WINDOWED_MIN = /* @__PURE__ */ BigInt("0x10000000000000000");
  function mod(a, b) {
    if (b <= _0n3)
      throw new Error("mod: expected positive modulus, got " + b);
    const result = a % b;
    return result >= _0n3 ? result : b + result;
  }
  function pow(num, power, modulo) {
    if (modulo <= _1n3)
      throw new Error("pow: expected modulus > 1, got " + modulo);
    if (typeof power !== "bigint")
      throw new TypeError("invalid exponent: expected bigint, got " + typeof power);
    if (power < _0n3)
      throw new Error("invalid exponent, negatives unsupported");
    if (power === _0n3)
      return _1n3;
    if (power === _1n3)
      return num;
    let d = num % modulo;
    if (d < _0n3)
      d += modulo;
    if (power < POW_WINDOWED_MIN) {
      let p2 = _1n3;
      while (power > _0n3) {
        if (power & _1n3)
          p2 = p2 * d % modulo;
        d = d * d % modulo;
        power >>= _1n3;
      }
      return p2;
    }
    const digits = [];
    while (power > _0n3) {
      digits.push(Number(power & _15n));
      power >>= _4n;
    }
    const table = new Array(16);
    table[0] = _1n3;
    table[1] = d;
    for (let i2 = 2; i2 < 16; i2++)
      table[i2] = table[i2 - 1] * d % modulo;
    let p = table[digits[digits.length - 1]];
    for (let w = digits.length - 2; w >= 0; w--) {
      p = p * p % modulo;
      p = p * p % modulo;
      p = p * p % modulo;
      p = p * p % modulo;
      const digit = digits[w];
      if (digit !== 0)
        p = p * table[digit] % modulo;
    }
    return p;
  }
  function pow2(x, power, modulo) {
    if (modulo <= _1n3)
      throw new Error("pow2: expected modulus > 1, got " + modulo);
    if (power < _0n3)
      throw new Error("pow2: expected non-negative exponent, got " + power);
    let res = x;
    while (power-- > _0n3) {
      res *= res;
      res %= modulo;
    }
    return res;
  }
  function invert(number, modulo) {
    if (number === _0n3)
      throw new Error("invert: expected non-zero number");
    if (modulo <= _1n3)
      throw new Error("invert: expected modulus > 1, got " + modulo);
    let a = mod(number, modulo);
    let b = modulo;
    let x = _0n3, u = _1n3;
    while (a !== _0n3) {
      const q = b / a;
      const r = b - a * q;
      const m = x - u * q;
      b = a, a = r, x = u, u = m;
    }
    const gcd = b;
    if (gcd !== _1n3)
      throw new Error("invert: does not exist");
    return mod(x, modulo);
  }
  function invertCt(a, prime) {
    if (prime <= _1n3)
      throw new Error("invertCt: expected prime modulus > 1, got " + prime);
    const an = mod(a, prime);
    if (an === _0n3)
      throw new Error("invertCt: expected non-zero number");
    const inverse = pow(an, prime - _2n2, prime);
    if (mod(an * inverse, prime) !== _1n3)
      throw new Error("invertCt: does not exist");
    return inverse;
  }
  function assertIsSquare(Fp2, root, n) {
    const F = Fp2;
    if (!F.eql(F.sqr(root), n))
      throw new Error("Cannot find square root");
  }
  function aoddModulus(order, fnName) {
    if ((order & _1n3) === _0n3)
      throw new Error(fnName + ": expected odd modulus, got " + order);
  }
  function sqrt3mod4(Fp2, n) {
    const F = Fp2;
    const p1div4 = (F.ORDER + _1n3) / _4n;
    const root = F.pow(n, p1div4);
    assertIsSquare(F, root, n);
    return root;
  }
  function sqrt5mod8(Fp2, n) {
    const F = Fp2;
    const p5div8 = (F.ORDER - _5n) / _8n;
    const n2 = F.mul(n, _2n2);
    const v = F.pow(n2, p5div8);
    const nv = F.mul(n, v);
    const i2 = F.mul(F.mul(nv, _2n2), v);
    const root = F.mul(nv, F.sub(i2, F.ONE));
    assertIsSquare(F, root, n);
    return root;
  }
  function sqrt9mod16(P) {
    const Fp_ = Field(P);
    const tn = tonelliShanks(P);
    const c1 = tn(Fp_, Fp_.neg(Fp_.ONE));
    const c2 = tn(Fp_, c1);
    const c3 = tn(Fp_, Fp_.neg(c1));
    const c4 = (P + _7n2) / _16n;
    return ((Fp2, n) => {
      const F = Fp2;
      let tv1 = F.pow(n, c4);
      let tv2 = F.mul(tv1, c1);
      const tv3 = F.mul(tv1, c2);
      const tv4 = F.mul(tv1, c3);
      const e1 = F.eql(F.sqr(tv2), n);
      const e2 = F.eql(F.sqr(tv3), n);
      tv1 = F.cmov(tv1, tv2, e1);
      tv2 = F.cmov(tv4, tv3, e2);
      const e3 = F.eql(F.sqr(tv2), n);
      const root = F.cmov(tv1, tv2, e3);
      assertIsSquare(F, root, n);
      return root;
    });
  }
  function tonelliShanks(P) {
    if (P < _3n)
      throw new Error("sqrt is not defined for small field");
    aoddModulus(P, "tonelliShanks");
    let Q = P - _1n3;
    let S = 0;
    while (Q % _2n2 === _0n3) {
      Q /= _2n2;
      S++;
    }
    let Z = _2n2;
    const _Fp = Field(P);
    while (FpLegendre(_Fp, Z) === 1) {
      if (Z++ > 1e3)
        throw new Error("Cannot find square root: probably non-prime P");
    }
    if (S === 1)
      return sqrt3mod4;
    let cc = _Fp.pow(Z, Q);
    const Q1div2 = (Q + _1n3) / _2n2;
    return function tonelliSlow(Fp2, n) {
      const F = Fp2;
      if (F.is0(n))
        return n;
      if (FpLegendre(F, n) !== 1)
        throw new Error("Cannot find square root");
      let M = S;
      let c = F.mul(F.ONE, cc);
      let t = F.pow(n, Q);
      let R = F.pow(n, Q1div2);
      while (!F.eql(t, F.ONE)) {
        if (F.is0(t))
          throw new Error("Cannot find square root: probably non-prime P");
        let i2 = 1;
        let t_tmp = F.sqr(t);
        while (!F.eql(t_tmp, F.ONE)) {
          i2++;
          t_tmp = F.sqr(t_tmp);
          if (i2 === M)
            throw new Error("Cannot find square root");
        }
        const exponent = _1n3 << BigInt(M - i2 - 1);
        const b = F.pow(c, exponent);
        M = i2;
        c = F.sqr(b);
        t = F.mul(t, c);
        R = F.mul(R, b);
      }
      return R;
    };
  }
  function FpSqrt(P) {
    aoddModulus(P, "Fp.sqrt");
    if (P % _4n === _3n)
      return sqrt3mod4;
    if (P % _8n === _5n)
      return sqrt5mod8;
    if (P % _16n === _9n)
      return sqrt9mod16(P);
    return tonelliShanks(P);
  }
  var isNegativeLE = (num, modulo) => (mod(num, modulo) & _1n3) === _1n3;
  var FIELD_FIELDS = [
    "create",
    "isValid",
    "is0",
    "neg",
    "inv",
    "sqrt",
    "sqr",
    "eql",
    "add",
    "sub",
    "mul",
    "pow",
    "div",
    "addN",
    "subN",
    "mulN",
    "sqrN"
  ];
  function validateField(field) {
    aobject2(field, "field");
    if (typeof field.ORDER !== "bigint")
      throw new TypeError('param "ORDER" is invalid: expected bigint, got ' + typeof field.ORDER);
    asafenumber(field.BYTES, "BYTES");
    asafenumber(field.BITS, "BITS");
    for (const name of FIELD_FIELDS)
      afunction(field[name], "field." + name);
    if (field.BYTES < 1 || field.BITS < 1)
      throw new Error("invalid field: expected BYTES/BITS > 0");
    if (field.ORDER <= _1n3)
      throw new Error("invalid field: expected ORDER > 1, got " + field.ORDER);
    return field;
  }
  function FpInvertBatch(Fp2, nums, passZero = false) {
    validateField(Fp2);
    aarray(nums, "nums");
    abool2(passZero, "passZero");
    const F = Fp2;
    const inverted = new Array(nums.length).fill(passZero ? F.ZERO : void 0);
    const multipliedAcc = nums.reduce((acc, num, i2) => {
      if (F.is0(num))
        return acc;
      inverted[i2] = acc;
      return F.mul(acc, num);
    }, F.ONE);
    const invertedAcc = F.inv(multipliedAcc);
    nums.reduceRight((acc, num, i2) => {
      if (F.is0(num))
        return acc;
      inverted[i2] = F.mul(acc, inverted[i2]);
      return F.mul(acc, num);
    }, invertedAcc);
    return inverted;
  }
  function FpLegendre(Fp2, n) {
    validateField(Fp2);
    const F = Fp2;
    aoddModulus(F.ORDER, "FpLegendre");
    const p1mod2 = (F.ORDER - _1n3) / _2n2;
    const powered = F.pow(n, p1mod2);
    const yes = F.eql(powered, F.ONE);
    const zero = F.eql(powered, F.ZERO);
    const no = F.eql(powered, F.neg(F.ONE));
    if (!yes && !zero && !no)
      throw new Error("invalid Legendre symbol result");
    return yes ? 1 : zero ? 0 : -1;
  }
  function nLength(n, nBitLength) {
    if (nBitLength !== void 0)
      anumber2(nBitLength);
    if (n <= _0n3)
      throw new Error("invalid n length: expected positive n, got " + n);
    if (nBitLength !== void 0 && nBitLength < 1)
      throw new Error("invalid n length: expected positive bit length, got " + nBitLength);
    const bits = bitLen(n);
    if (nBitLength !== void 0 && nBitLength < bits)
      throw new Error(`invalid n length: expected nBitLength (${nBitLength}) >= bitLen(n) (${bits})`);
    const _nBitLength = nBitLength !== void 0 ? nBitLength : bits;
    const nByteLength = Math.ceil(_nBitLength / 8);
    return { nBitLength: _nBitLength, nByteLength };
  }
  var FIELD_SQRT = /* @__PURE__ */ new WeakMap();
  var _Field = class {
    ORDER;
    BITS;
    BYTES;
    isLE;
    ZERO = _0n3;
    ONE = _1n3;
    _lengths;
    _mod;
    constructor(ORDER, opts = {}) {
      if (ORDER <= _1n3)
        throw new Error("invalid field: expected ORDER > 1, got " + ORDER);
      let _nbitLength = void 0;
      this.isLE = false;
      if (opts != null && typeof opts === "object") {
        if (typeof opts.BITS === "number")
          _nbitLength = opts.BITS;
        if (typeof opts.sqrt === "function")
          Object.defineProperty(this, "sqrt", { value: opts.sqrt, enumerable: true });
        if (typeof opts.isLE === "boolean")
          this.isLE = opts.isLE;
        if (opts.allowedLengths)
          this._lengths = Object.freeze(opts.allowedLengths.slice());
        if (typeof opts.modFromBytes === "boolean")
          this._mod = opts.modFromBytes;
      }
      const { nBitLength, nByteLength } = nLength(ORDER, _nbitLength);
      if (nByteLength > 2048)
        throw new Error("invalid field: expected ORDER of <= 2048 bytes");
      this.ORDER = ORDER;
      this.BITS = nBitLength;
      this.BYTES = nByteLength;
      Object.freeze(this);
    }
    create(num) {
      return mod(num, this.ORDER);
    }
    isValid(num) {
      if (typeof num !== "bigint")
        throw new TypeError("invalid field element: expected bigint, got " + typeof num);
      return _0n3 <= num && num < this.ORDER;
    }
    is0(num) {
      return num === _0n3;
    }
    // is valid and invertible
    isValidNot0(num) {
      return !this.is0(num) && this.isValid(num);
    }
    isOdd(num) {
      return (num & _1n3) === _1n3;
    }
    neg(num) {
      return mod(-num, this.ORDER);
    }
    eql(lhs, rhs) {
      return lhs === rhs;
    }
    sqr(num) {
      return mod(num * num, this.ORDER);
    }
    add(lhs, rhs) {
      return mod(lhs + rhs, this.ORDER);
    }
    sub(lhs, rhs) {
      return mod(lhs - rhs, this.ORDER);
    }
    mul(lhs, rhs) {
      return mod(lhs * rhs, this.ORDER);
    }
    pow(num, power) {
      return pow(num, power, this.ORDER);
    }
    div(lhs, rhs) {
      return mod(lhs * invert(rhs, this.ORDER), this.ORDER);
    }
    // Same as above, but doesn't normalize
    sqrN(num) {
      return num * num;
    }
    addN(lhs, rhs) {
      return lhs + rhs;
    }
    subN(lhs, rhs) {
      return lhs - rhs;
    }
    mulN(lhs, rhs) {
      return lhs * rhs;
    }
    inv(num) {
      return invert(num, this.ORDER);
    }
    sqrt(num) {
      let sqrt = FIELD_SQRT.get(this);
      if (!sqrt)
        FIELD_SQRT.set(this, sqrt = FpSqrt(this.ORDER));
      return sqrt(this, num);
    }
    toBytes(num) {
      return this.isLE ? numberToBytesLE(num, this.BYTES) : numberToBytesBE(num, this.BYTES);
    }
    fromBytes(bytes, skipValidation = false) {
      abytes2(bytes);
      const { _lengths: allowedLengths, BYTES: BYTES2, isLE: isLE2, ORDER, _mod: modFromBytes } = this;
      if (allowedLengths) {
        if (bytes.length < 1 || !allowedLengths.includes(bytes.length) || bytes.length > BYTES2) {
          throw new Error("Field.fromBytes: expected " + allowedLengths + " bytes, got " + bytes.length);
        }
        const padded = new Uint8Array(BYTES2);
        padded.set(bytes, isLE2 ? 0 : padded.length - bytes.length);
        bytes = padded;
      }
      if (bytes.length !== BYTES2)
        throw new Error("Field.fromBytes: expected " + BYTES2 + " bytes, got " + bytes.length);
      let scalar = isLE2 ? bytesToNumberLE(bytes) : bytesToNumberBE(bytes);
      if (modFromBytes)
        scalar = mod(scalar, ORDER);
      if (!skipValidation) {
        if (!this.isValid(scalar))
          throw new Error("invalid field element: outside of range 0..ORDER");
      }
      return scalar;
    }
    // TODO: we don't need it here, move out to separate fn
    invertBatch(lst) {
      return FpInvertBatch(this, lst, true);
    }
    // We can't move this out because Fp6, Fp12 implement it
    // and it's unclear what to return in there.
    cmov(a, b, condition) {
      abool2(condition, "condition");
      return condition ? b : a;
    }
  };
  function Field(ORDER, opts = {}) {
    Object.freeze(_Field.prototype);
    return new _Field(ORDER, opts);
  }
  function getFieldBytesLength(fieldOrder) {
    if (typeof fieldOrder !== "bigint")
      throw new Error("field order must be bigint");
    if (fieldOrder <= _1n3)
      throw new Error("field order must be greater than 1");
    const bitLength = bitLen(fieldOrder - _1n3);
    return Math.ceil(bitLength / 8);
  }
  function getMinHashLength(fieldOrder) {
    const length = getFieldBytesLength(fieldOrder);
    return length + Math.ceil(length / 2);
  }
  function mapHashToField(key, fieldOrder, isLE2 = false) {
    abytes2(key);
    const len = key.length;
    const fieldLen = getFieldBytesLength(fieldOrder);
    const minLen = Math.max(getMinHashLength(fieldOrder), 16);
    if (len < minLen || len > 1024)
      throw new Error("expected " + minLen + "-1024 bytes of input, got " + len);
    const num = isLE2 ? bytesToNumberLE(key) : bytesToNumberBE(key);
    const reduced = mod(num, fieldOrder - _1n3) + _1n3;
    return isLE2 ? numberToBytesLE(reduced, fieldLen) : numberToBytesBE(reduced, fieldLen);
  }

  // node_modules/@noble/curves/abstract/curve.js
  var _0n4 = /* @__PURE__ */ BigInt(0);
  var _1n4 = /* @__PURE__ */ BigInt(1);
  var _4n2 = /* @__PURE__ */ BigInt(4);
  var BLIND_BYTES = 16;
  var BLIND_BITS = 128;
  var FW_WINDOW = 5;
  var TABLE_BYTES_MAX = /* @__PURE__ */ (() => 2 ** 31)();
  function validatePointCons(Point) {
    const pc = Point;
    if (typeof pc !== "function")
      throw new TypeError('"Point" expected constructor, got type=' + typeof Point);
    afunction(pc.fromAffine, "Point.fromAffine");
    afunction(pc.fromBytes, "Point.fromBytes");
    afunction(pc.fromHex, "Point.fromHex");
    aobject2(pc.BASE, "Point.BASE");
    aobject2(pc.ZERO, "Point.ZERO");
    validateField(pc.Fp);
    validateField(pc.Fn);
  }
  function normalizeZ(c, points) {
    validatePointCons(c);
    validateMSMPoints(points, c);
    const invertedZs = FpInvertBatch(c.Fp, points.map((p) => p.Z));
    return points.map((p, i2) => c.fromAffine(p.toAffine(invertedZs[i2])));
  }
  function validateW(W, bits, min = 1) {
    if (!Number.isSafeInteger(W) || W < min || W > bits)
      throw new Error("invalid window size, expected [" + min + ".." + bits + "], got W=" + W);
  }
  function validateTableBytes(numPoints, fpBytes) {
    const bytes = numPoints * (4 * fpBytes + 128);
    if (bytes > TABLE_BYTES_MAX)
      throw new Error("invalid window size: table would need ~" + Math.ceil(bytes / 2 ** 20) + " MiB, max " + TABLE_BYTES_MAX / 2 ** 20 + " MiB");
  }
  function probeRandomBytes(randomBytes3, length) {
    if (randomBytes3 === void 0)
      return void 0;
    afunction(randomBytes3, "randomBytes");
    try {
      const probe = randomBytes3(length);
      if (!isBytes2(probe) || probe.length !== length)
        return void 0;
    } catch {
      return void 0;
    }
    return randomBytes3;
  }
  function validateMSMPoints(points, c) {
    aarray(points, "points");
    points.forEach((p, i2) => {
      if (!(p instanceof c))
        throw new Error("invalid point at index " + i2);
    });
  }
  function validateMSMScalars(scalars, field, maxScalar) {
    if (!Array.isArray(scalars))
      throw new Error("array of scalars expected");
    scalars.forEach((s, i2) => {
      const ok = maxScalar === void 0 ? field.isValid(s) : isPosBig(s) && s < maxScalar;
      if (!ok)
        throw new Error("invalid scalar at index " + i2);
    });
  }
  var pointWindowSizes = /* @__PURE__ */ new WeakMap();
  function getWindowSize(P) {
    return pointWindowSizes.get(P) || 1;
  }
  function oddMultiples(p, size) {
    const dbl = p.double();
    const t = [p];
    for (let j = 1; j < size; j++)
      t.push(t[j - 1].add(dbl));
    return t;
  }
  function wnafDigits(n, W) {
    const size = 2 ** W;
    const half = size / 2;
    const mask = BigInt(size - 1);
    const d = [];
    while (n > _0n4) {
      let w = 0;
      if (n & _1n4) {
        w = Number(n & mask);
        if (w >= half)
          w -= size;
        n -= BigInt(w);
      }
      d.push(w);
      n >>= _1n4;
    }
    return d;
  }
  function signedWindowDigits(n, W, windows) {
    const size = 2 ** W;
    const half = size / 2;
    const mask = BigInt(size - 1);
    const shiftBy = BigInt(W);
    const d = [];
    for (let w = 0; w < windows; w++) {
      let v = Number(n & mask);
      n >>= shiftBy;
      if (v > half) {
        v -= size;
        n += _1n4;
      }
      d.push(v);
    }
    if (n !== _0n4)
      throw new Error("invalid wnaf");
    return d;
  }
  function wnafWalk(zero, tables, digits) {
    let max = 0;
    for (const d of digits)
      max = Math.max(max, d.length);
    let acc = zero;
    for (let bit = max - 1; bit >= 0; bit--) {
      if (bit !== max - 1)
        acc = acc.double();
      for (let i2 = 0; i2 < digits.length; i2++) {
        const w = digits[i2][bit];
        if (w) {
          const item = tables[i2][Math.abs(w) - 1 >> 1];
          acc = acc.add(w < 0 ? item.negate() : item);
        }
      }
    }
    return acc;
  }
  var ScalarMultiplier = class {
    Point;
    BASE;
    ZERO;
    randomBytes;
    wnafPrecomputes = /* @__PURE__ */ new WeakMap();
    baseCanBeBlinded;
    bits;
    // Parametrized with a given Point class (not individual point)
    constructor(Point, randomBytes3) {
      validatePointCons(Point);
      this.randomBytes = probeRandomBytes(randomBytes3, BLIND_BYTES);
      this.Point = Point;
      this.BASE = Point.BASE;
      this.ZERO = Point.ZERO;
      this.bits = Point.Fn.BITS;
    }
    /**
     * Creates a signed fixed-window wNAF precomputation table: for every window w, the
     * multiples `[1..2^(W−1)]⋅2^(w⋅W)⋅P`, flattened. All doublings are baked into the table,
     * so cached multiplication is additions-only. `windows = ceil(bits/W) + 1`: the extra
     * window absorbs the final carry of signed-digit recoding.
     * For a 256-bit curve and W=6, the table is 44⋅32 = 1408 points.
     * @param point - Point instance
     * @param W - window size
     * @param bits - scalar bitlength the table must cover
     */
    buildWnafTable(point, W, bits) {
      const windows = Math.ceil(bits / W) + 1;
      const half = 2 ** (W - 1);
      const comp = [];
      let base = point;
      for (let w = 0; w < windows; w++) {
        let acc = base;
        for (let i2 = 0; i2 < half; i2++) {
          comp.push(acc);
          acc = acc.add(base);
        }
        base = comp[comp.length - 1].double();
      }
      return { W, bits, windows, comp };
    }
    /**
     * Implements ec multiplication using precomputed signed fixed-window wNAF tables.
     * Constant-time: fixed window count with one table addition per window — zero digits feed
     * the fake accumulator — and no doublings; the lookup scans the whole window slice.
     * Scalar bounds are validated by the public entry points ({@link ScalarMultiplier.mulCT},
     * {@link ScalarMultiplier.mulCTBlinded}, {@link ScalarMultiplier.mulUnsafe});
     * signedWindowDigits throws if `n` exceeds the table.
     * @returns real and fake (for const-time) points
     */
    wnafCachedCT(precomputes, n) {
      const { W, windows, comp } = precomputes;
      const half = 2 ** (W - 1);
      const digits = signedWindowDigits(n, W, windows);
      let p = this.ZERO;
      let f = this.BASE;
      for (let w = 0; w < windows; w++) {
        const digit = digits[w];
        const start = w * half;
        const idx = Math.abs(digit) - 1;
        let sel = comp[start];
        for (let i2 = 1; i2 < half; i2++)
          sel = i2 === idx ? comp[start + i2] : sel;
        const neg = sel.negate();
        if (digit === 0)
          f = f.add(comp[start]);
        else
          p = p.add(digit < 0 ? neg : sel);
      }
      return { p, f };
    }
    // Cache key is point identity plus (W, bits); at most two entries exist per point (public-width
    // `Fn.BITS` and blinded `Fn.BITS + BLIND_BITS`). Callers must not reuse the same point with
    // incompatible `transform(...)` layouts and expect a separate cache entry.
    getWnafPrecomputes(W, point, bits, transform) {
      let entries = this.wnafPrecomputes.get(point);
      let comp = entries?.find((entry2) => entry2.W === W && entry2.bits === bits);
      if (!comp) {
        comp = this.buildWnafTable(point, W, bits);
        if (typeof transform === "function")
          comp = { ...comp, comp: transform(comp.comp) };
        if (!entries) {
          entries = [];
          this.wnafPrecomputes.set(point, entries);
        }
        entries.push(comp);
      }
      return comp;
    }
    assertPoint(point) {
      if (!(point instanceof this.Point))
        throw new TypeError('"point" expected Point instance, got type=' + typeof point);
    }
    // Shared prologue of the constant-time entry points. Rejects scalar 0: in key/signature-style
    // callers a zero scalar means broken upstream plumbing, and concrete Points already reject it.
    // Uses inRange instead of Fn.isValidNot0: validateField() only certifies the arithmetic subset.
    validateMulInput(point, scalar) {
      this.assertPoint(point);
      if (!inRange(scalar, _1n4, this.Point.Fn.ORDER))
        throw new Error("invalid scalar");
    }
    // Constant-time dispatch shared by mulCT / mulCTBlinded. Un-precomputed points (W===1, e.g.
    // ECDH peer keys) skip building a throwaway cached table in favor of a small fixed-window
    // multiply. `n` must be < 2^bits.
    runCT(point, n, bits, transform) {
      const W = getWindowSize(point);
      if (W === 1)
        return this.fixedWindowCT(point, n, bits);
      return this.wnafCachedCT(this.getWnafPrecomputes(W, point, bits, transform), n);
    }
    mulCT(point, scalar, transform) {
      this.validateMulInput(point, scalar);
      return this.runCT(point, scalar, this.bits, transform);
    }
    mulCTBlinded(point, scalar, transform) {
      this.validateMulInput(point, scalar);
      if (this.randomBytes === void 0)
        throw new Error("randomBytes is required for scalar blinding");
      const bits = this.Point.Fn.BITS + BLIND_BITS;
      const blind = this.randomBytes(BLIND_BYTES);
      if (!isBytes2(blind) || blind.length !== BLIND_BYTES)
        throw new Error("randomBytes returned invalid byte array");
      blind[0] = blind[0] & 63 | 128;
      const n = scalar + bytesToNumberBE(blind) * this.Point.Fn.ORDER;
      return this.runCT(point, n, bits, transform);
    }
    /**
     * Constant-time multiplication `n*point` for an un-precomputed point, via a small fixed window.
     * A cached wNAF table only pays off when reused; a flat 2^FW_WINDOW table (`size-1` adds) is
     * far cheaper to build for a single use. The point-operation sequence is independent of `n`:
     * build the table, then per window exactly FW_WINDOW doublings, a data-oblivious scan over
     * every table entry, and one addition (adds the identity when the window digit is 0 — never
     * skipped).
     *
     * `n` must be `< 2^bits`. Assumes complete addition (adding the identity costs the same as any
     * add), which holds for the Weierstrass/Edwards point types used here. The table is left in
     * projective form (no normalizeZ): normalizing this small a table costs more than the
     * mixed-add savings it would buy for a single multiply.
     * @returns real point `p`; `f` duplicates it only to match {@link wnafCachedCT}'s return shape
     * (this path needs no fake accumulator — its op-count is already scalar-independent).
     */
    fixedWindowCT(point, n, bits) {
      const W = FW_WINDOW;
      const size = 1 << W;
      const mask = bitMask(W);
      const table = new Array(size);
      table[0] = this.ZERO;
      for (let i2 = 1; i2 < size; i2++)
        table[i2] = table[i2 - 1].add(point);
      const windows = Math.ceil(bits / W);
      let acc = this.ZERO;
      for (let window = windows - 1; window >= 0; window--) {
        if (window !== windows - 1)
          for (let d = 0; d < W; d++)
            acc = acc.double();
        const digit = Number(n >> BigInt(window * W) & mask);
        let sel = table[0];
        for (let i2 = 1; i2 < size; i2++)
          sel = i2 === digit ? table[i2] : sel;
        acc = acc.add(sel);
      }
      return { p: acc, f: acc };
    }
    shouldBlind(point, cofactor) {
      if (this.randomBytes === void 0)
        return false;
      if (cofactor === _1n4)
        return true;
      if (point !== this.BASE)
        return false;
      if (this.baseCanBeBlinded === void 0)
        this.baseCanBeBlinded = this.mulUnsafe(this.BASE, this.Point.Fn.ORDER).is0();
      return this.baseCanBeBlinded;
    }
    mulSecret(point, scalar, cofactor, transform) {
      return this.shouldBlind(point, cofactor) ? this.mulCTBlinded(point, scalar, transform) : this.mulCT(point, scalar, transform);
    }
    mulUnsafe(point, scalar, transform) {
      this.assertPoint(point);
      if (!isPosBig(scalar))
        throw new Error("invalid scalar");
      const W = getWindowSize(point);
      if (W === 1 || scalar >= this.Point.Fn.ORDER)
        return mulAddUnsafe(this.Point, [point], [scalar], true);
      const precomputes = this.getWnafPrecomputes(W, point, this.bits, transform);
      return this.wnafCachedCT(precomputes, scalar).p;
    }
    // Remembers the window size used for precomputed wNAF multiplication of the given point
    // and drops any previously built tables. Usually only the base point is precomputed.
    // W=1 resets the point to the un-precomputed (table-less) paths.
    // W is additionally capped so tables stay under ~2 GiB ({@link TABLE_BYTES_MAX}).
    setWindowSize(point, W) {
      this.assertPoint(point);
      validateW(W, this.bits);
      const windows = Math.ceil((this.bits + BLIND_BITS) / W) + 1;
      validateTableBytes(windows * 2 ** (W - 1), this.Point.Fp.BYTES);
      pointWindowSizes.set(point, W);
      this.wnafPrecomputes.delete(point);
    }
    // True when a window size is set: tables themselves are built lazily on first multiply.
    hasWindowSize(point) {
      return getWindowSize(point) !== 1;
    }
  };
  function mulAddUnsafe(c, points, scalars, allowOversized = false) {
    validatePointCons(c);
    validateMSMPoints(points, c);
    abool2(allowOversized, "allowOversized");
    validateMSMScalars(scalars, c.Fn, allowOversized ? c.Fn.ORDER ** _4n2 : void 0);
    if (points.length !== scalars.length)
      throw new Error("arrays of points and scalars must have equal length");
    const tables = points.map((p) => oddMultiples(p, 4));
    const digits = scalars.map((n) => wnafDigits(n, 4));
    return wnafWalk(c.ZERO, tables, digits);
  }
  function createField(order, field, isLE2) {
    if (field) {
      if (field.ORDER !== order)
        throw new Error("Field.ORDER must match order: Fp == p, Fn == n");
      validateField(field);
      return field;
    } else {
      return Field(order, { isLE: isLE2 });
    }
  }
  function createCurveFields(type, CURVE, curveOpts = {}, FpFnLE) {
    if (type !== "weierstrass" && type !== "edwards")
      throw new Error('expected curve type "weierstrass" or "edwards"');
    if (FpFnLE === void 0)
      FpFnLE = type === "edwards";
    if (!CURVE || typeof CURVE !== "object")
      throw new Error(`expected valid ${type} CURVE object`);
    validateObject(curveOpts);
    for (const p of ["p", "n", "h"]) {
      const val = CURVE[p];
      if (!(isPosBig(val) && val !== _0n4))
        throw new Error(`CURVE.${p} must be positive bigint`);
    }
    const Fp2 = createField(CURVE.p, curveOpts.Fp, FpFnLE);
    const Fn = createField(CURVE.n, curveOpts.Fn, FpFnLE);
    const _b = type === "weierstrass" ? "b" : "d";
    const params = ["Gx", "Gy", "a", _b];
    for (const p of params) {
      if (!Fp2.isValid(CURVE[p]))
        throw new Error(`CURVE.${p} must be valid field element of CURVE.Fp`);
    }
    CURVE = Object.freeze(Object.assign({}, CURVE));
    return { CURVE, Fp: Fp2, Fn };
  }
  function createKeygen(randomSecretKey, getPublicKey) {
    return function keygen(seed) {
      const secretKey = randomSecretKey(seed);
      return { secretKey, publicKey: getPublicKey(secretKey) };
    };
  }

  // node_modules/@noble/curves/abstract/edwards.js
  var _0n5 = /* @__PURE__ */ BigInt(0);
  var _1n5 = /* @__PURE__ */ BigInt(1);
  var _2n3 = /* @__PURE__ */ BigInt(2);
  var _4n3 = /* @__PURE__ */ BigInt(4);
  var _8n2 = /* @__PURE__ */ BigInt(8);
  function isEdValidXY(Fp2, CURVE, x, y) {
    const x2 = Fp2.sqr(x);
    const y2 = Fp2.sqr(y);
    const left = Fp2.add(Fp2.mul(CURVE.a, x2), y2);
    const right = Fp2.add(Fp2.ONE, Fp2.mul(CURVE.d, Fp2.mul(x2, y2)));
    return Fp2.eql(left, right);
  }
  function edwards(params, extraOpts = {}) {
    validateObject(extraOpts, {}, {}, "extraOpts");
    const opts = extraOpts;
    const validated = createCurveFields("edwards", params, opts, opts.FpFnLE);
    const { Fp: Fp2, Fn } = validated;
    let CURVE = validated.CURVE;
    const { h: cofactor } = CURVE;
    if (FpLegendre(Fp2, CURVE.a) !== 1)
      throw new Error("edwards: CURVE.a must be a square in Fp for complete addition formulas");
    if (FpLegendre(Fp2, CURVE.d) !== -1)
      throw new Error("edwards: CURVE.d must be a non-square in Fp for complete addition formulas");
    validateObject(opts, {}, { uvRatio: "function", randomBytes: "function" });
    const randomBytes3 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
    const MASK = _2n3 << BigInt(Fp2.BYTES * 8) - _1n5;
    function isOdd(n) {
      if (!Fp2.isOdd)
        throw new Error("Field does not have .isOdd()");
      return Fp2.isOdd(n);
    }
    const uvRatio2 = opts.uvRatio === void 0 ? (u, v) => {
      try {
        return { isValid: true, value: Fp2.sqrt(Fp2.div(u, v)) };
      } catch (e) {
        return { isValid: false, value: _0n5 };
      }
    } : opts.uvRatio;
    if (!isEdValidXY(Fp2, CURVE, CURVE.Gx, CURVE.Gy))
      throw new Error("bad curve params: generator point");
    const mulA = Fp2.eql(CURVE.a, Fp2.neg(Fp2.ONE)) ? (x) => Fp2.neg(x) : Fp2.eql(CURVE.a, Fp2.ONE) ? (x) => x : (x) => Fp2.mul(CURVE.a, x);
    function acoord(title, n, banZero = false) {
      const min = banZero ? _1n5 : _0n5;
      aInRange("coordinate " + title, n, min, MASK);
      return n;
    }
    function aedpoint(other) {
      if (!(other instanceof Point))
        throw new Error("EdwardsPoint expected");
    }
    class Point {
      static BASE = new Point(CURVE.Gx, CURVE.Gy, Fp2.ONE, Fp2.mul(CURVE.Gx, CURVE.Gy));
      static ZERO = new Point(Fp2.ZERO, Fp2.ONE, Fp2.ONE, Fp2.ZERO);
      static Fp = Fp2;
      static Fn = Fn;
      X;
      Y;
      Z;
      T;
      constructor(X, Y, Z, T) {
        this.X = acoord("x", X);
        this.Y = acoord("y", Y);
        this.Z = acoord("z", Z, true);
        this.T = acoord("t", T);
        Object.freeze(this);
      }
      static CURVE() {
        return CURVE;
      }
      /**
       * Create one extended Edwards point from affine coordinates.
       * Does NOT validate that the point is on-curve or torsion-free.
       * Use `.assertValidity()` on adversarial inputs.
       */
      static fromAffine(p) {
        if (p instanceof Point)
          throw new Error("extended point not allowed");
        const { x, y } = p || {};
        acoord("x", x);
        acoord("y", y);
        return new Point(x, y, Fp2.ONE, Fp2.mul(x, y));
      }
      // Uses algo from RFC8032 5.1.3.
      static fromBytes(bytes, zip215 = false) {
        const len = Fp2.BYTES;
        const { a, d } = CURVE;
        bytes = copyBytes2(abytes2(bytes, len, "point"));
        abool2(zip215, "zip215");
        const normed = copyBytes2(bytes);
        const lastByte = bytes[len - 1];
        normed[len - 1] = lastByte & ~128;
        const y = bytesToNumberLE(normed);
        const max = zip215 ? MASK : Fp2.ORDER;
        aInRange("point.y", y, _0n5, max);
        const y2 = Fp2.sqr(y);
        const u = Fp2.sub(y2, Fp2.ONE);
        const v = Fp2.sub(Fp2.mulN(d, y2), a);
        let { isValid, value: x } = uvRatio2(u, v);
        if (!isValid)
          throw new Error("bad point: invalid y coordinate");
        const isXOdd = isOdd(x);
        const isLastByteOdd = (lastByte & 128) !== 0;
        if (!zip215 && Fp2.is0(x) && isLastByteOdd)
          throw new Error("bad point: x=0 and x_0=1");
        if (isLastByteOdd !== isXOdd)
          x = Fp2.neg(x);
        return Point.fromAffine({ x, y });
      }
      static fromHex(hex, zip215 = false) {
        return Point.fromBytes(hexToBytes2(hex), zip215);
      }
      get x() {
        return this.toAffine().x;
      }
      get y() {
        return this.toAffine().y;
      }
      precompute(windowSize = 6, isLazy = true) {
        wnaf.setWindowSize(this, windowSize);
        if (!isLazy)
          this.multiply(_2n3);
        return this;
      }
      // Useful in fromAffine() - not for fromBytes(), which always created valid points.
      assertValidity() {
        const p = this;
        const { a, d } = CURVE;
        if (p.is0())
          throw new Error("bad point: ZERO");
        const { X, Y, Z, T } = p;
        const X2 = Fp2.sqr(X);
        const Y2 = Fp2.sqr(Y);
        const Z2 = Fp2.sqr(Z);
        const Z4 = Fp2.sqr(Z2);
        const aX2 = Fp2.mul(X2, a);
        const left = Fp2.mul(Fp2.add(aX2, Y2), Z2);
        const right = Fp2.add(Z4, Fp2.mul(d, Fp2.mul(X2, Y2)));
        if (!Fp2.eql(left, right))
          throw new Error("bad point: equation left != right (1)");
        const XY = Fp2.mul(X, Y);
        const ZT = Fp2.mul(Z, T);
        if (!Fp2.eql(XY, ZT))
          throw new Error("bad point: equation left != right (2)");
      }
      // Compare one point to another.
      equals(other) {
        aedpoint(other);
        const { X: X1, Y: Y1, Z: Z1 } = this;
        const { X: X2, Y: Y2, Z: Z2 } = other;
        const X1Z2 = Fp2.mul(X1, Z2);
        const X2Z1 = Fp2.mul(X2, Z1);
        const Y1Z2 = Fp2.mul(Y1, Z2);
        const Y2Z1 = Fp2.mul(Y2, Z1);
        return Fp2.eql(X1Z2, X2Z1) && Fp2.eql(Y1Z2, Y2Z1);
      }
      is0() {
        return this.equals(Point.ZERO);
      }
      negate() {
        return new Point(Fp2.neg(this.X), this.Y, this.Z, Fp2.neg(this.T));
      }
      // Fast algo for doubling Extended Point.
      // https://hyperelliptic.org/EFD/g1p/auto-twisted-extended.html#doubling-dbl-2008-hwcd
      // Cost: 4M + 4S + 1*a + 6add + 1*2.
      double() {
        const { X: X1, Y: Y1, Z: Z1 } = this;
        const A = Fp2.sqr(X1);
        const B2 = Fp2.sqr(Y1);
        const C = Fp2.mul(Fp2.sqr(Z1), _2n3);
        const D = mulA(A);
        const x1y1 = Fp2.addN(X1, Y1);
        const E = Fp2.sub(Fp2.subN(Fp2.sqr(x1y1), A), B2);
        const G = Fp2.addN(D, B2);
        const F = Fp2.subN(G, C);
        const H = Fp2.subN(D, B2);
        const X3 = Fp2.mul(E, F);
        const Y3 = Fp2.mul(G, H);
        const T3 = Fp2.mul(E, H);
        const Z3 = Fp2.mul(F, G);
        return new Point(X3, Y3, Z3, T3);
      }
      // Fast algo for adding 2 Extended Points.
      // https://hyperelliptic.org/EFD/g1p/auto-twisted-extended.html#addition-add-2008-hwcd
      // Cost: 9M + 1*a + 1*d + 7add.
      add(other) {
        aedpoint(other);
        const { d } = CURVE;
        const { X: X1, Y: Y1, Z: Z1, T: T1 } = this;
        const { X: X2, Y: Y2, Z: Z2, T: T2 } = other;
        const A = Fp2.mul(X1, X2);
        const B2 = Fp2.mul(Y1, Y2);
        const C = Fp2.mul(Fp2.mulN(T1, d), T2);
        const D = Fp2.mul(Z1, Z2);
        const E = Fp2.sub(Fp2.subN(Fp2.mulN(Fp2.addN(X1, Y1), Fp2.addN(X2, Y2)), A), B2);
        const F = Fp2.subN(D, C);
        const G = Fp2.addN(D, C);
        const H = Fp2.sub(B2, mulA(A));
        const X3 = Fp2.mul(E, F);
        const Y3 = Fp2.mul(G, H);
        const T3 = Fp2.mul(E, H);
        const Z3 = Fp2.mul(F, G);
        return new Point(X3, Y3, Z3, T3);
      }
      subtract(other) {
        aedpoint(other);
        return this.add(other.negate());
      }
      // Constant-time multiplication.
      multiply(scalar) {
        if (!Fn.isValidNot0(scalar))
          throw new RangeError("invalid scalar: expected 1 <= sc < curve.n");
        const { p, f } = wnaf.mulSecret(this, scalar, cofactor, normalize2);
        return normalize2([p, f])[0];
      }
      // Non-constant-time multiplication. Uses double-and-add algorithm.
      // It's faster, but should only be used when you don't care about
      // an exposed private key e.g. sig verification.
      // Keeps the same subgroup-scalar contract: 0 is allowed for public-scalar callers, but
      // n and larger values are rejected instead of being reduced mod n to the identity point.
      multiplyUnsafe(scalar) {
        if (!Fn.isValid(scalar))
          throw new RangeError("invalid scalar: expected 0 <= sc < curve.n");
        if (scalar === _0n5)
          return Point.ZERO;
        if (this.is0() || scalar === _1n5)
          return this;
        return wnaf.mulUnsafe(this, scalar, normalize2);
      }
      // Checks if point is of small order.
      // If you add something to small order point, you will have "dirty"
      // point with torsion component.
      // Clears cofactor and checks if the result is 0.
      isSmallOrder() {
        return this.clearCofactor().is0();
      }
      // Multiplies point by curve order and checks if the result is 0.
      // Returns `false` is the point is dirty.
      isTorsionFree() {
        return wnaf.mulUnsafe(this, CURVE.n).is0();
      }
      // Converts Extended point to default (x, y) coordinates.
      // Can accept precomputed Z^-1 - for example, from invertBatch.
      toAffine(invertedZ) {
        const p = this;
        let iz = invertedZ;
        if (iz != null && typeof iz !== "bigint")
          throw new TypeError('"invertedZ" expected bigint, got type=' + typeof iz);
        const { X, Y, Z } = p;
        const is0 = p.is0();
        if (iz == null)
          iz = is0 ? Fp2.create(_8n2) : Fp2.inv(Z);
        const x = Fp2.mul(X, iz);
        const y = Fp2.mul(Y, iz);
        const zz = Fp2.mul(Z, iz);
        if (is0)
          return { x: Fp2.ZERO, y: Fp2.ONE };
        if (!Fp2.eql(zz, Fp2.ONE))
          throw new Error("invZ was invalid");
        return { x, y };
      }
      clearCofactor() {
        if (cofactor === _1n5)
          return this;
        if (cofactor === _2n3)
          return this.double();
        if (cofactor === _4n3)
          return this.double().double();
        if (cofactor === _8n2)
          return this.double().double().double();
        return this.multiplyUnsafe(cofactor);
      }
      toBytes() {
        const { x, y } = this.toAffine();
        const bytes = Fp2.toBytes(y);
        bytes[bytes.length - 1] |= isOdd(x) ? 128 : 0;
        return bytes;
      }
      toHex() {
        return bytesToHex2(this.toBytes());
      }
      toString() {
        return `<Point ${this.is0() ? "ZERO" : this.toHex()}>`;
      }
    }
    const normalize2 = (points) => normalizeZ(Point, points);
    const wnaf = new ScalarMultiplier(Point, randomBytes3);
    if (wnaf.bits >= 6)
      Point.BASE.precompute(6);
    Object.freeze(Point.prototype);
    Object.freeze(Point);
    return Point;
  }
  function eddsa(Point, cHash, eddsaOpts = {}) {
    validatePointCons(Point);
    if (typeof cHash !== "function")
      throw new Error('"hash" function param is required');
    const hash = cHash;
    const opts = eddsaOpts;
    validateObject(opts, {}, {
      adjustScalarBytes: "function",
      randomBytes: "function",
      domain: "function",
      prehash: "function",
      zip215: "boolean",
      mapToCurve: "function",
      toMontgomery: "function",
      toMontgomerySecret: "function"
    });
    const { prehash } = opts;
    const { BASE, Fp: Fp2, Fn } = Point;
    const outputLen = hash.outputLen;
    const expectedLen = 2 * Fp2.BYTES;
    if (outputLen !== void 0) {
      asafenumber(outputLen, "hash.outputLen");
      if (outputLen !== expectedLen)
        throw new Error(`hash.outputLen must be ${expectedLen}, got ${outputLen}`);
    }
    const randomBytes3 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
    const toMontgomery2 = opts.toMontgomery;
    const toMontgomerySecret2 = opts.toMontgomerySecret;
    const adjustScalarBytes2 = opts.adjustScalarBytes === void 0 ? (bytes) => bytes : opts.adjustScalarBytes;
    const domain = opts.domain === void 0 ? (data2, ctx, phflag) => {
      abool2(phflag, "phflag");
      if (ctx.length || phflag)
        throw new Error("Contexts/pre-hash are not supported");
      return data2;
    } : opts.domain;
    function modN_LE(hash2) {
      return Fn.create(bytesToNumberLE(hash2));
    }
    function getPrivateScalar(key) {
      const len = lengths.secretKey;
      abytes2(key, lengths.secretKey, "secretKey");
      const hashed = abytes2(hash(key), 2 * len, "hashedSecretKey");
      const head = adjustScalarBytes2(hashed.slice(0, len));
      const prefix = hashed.slice(len, 2 * len);
      const scalar = modN_LE(head);
      return { head, prefix, scalar };
    }
    function getExtendedPublicKey(secretKey) {
      const { head, prefix, scalar } = getPrivateScalar(secretKey);
      const point = BASE.multiply(scalar);
      const pointBytes = point.toBytes();
      return { head, prefix, scalar, point, pointBytes };
    }
    function getPublicKey(secretKey) {
      return getExtendedPublicKey(secretKey).pointBytes;
    }
    function hashDomainToScalar(context = Uint8Array.of(), ...msgs) {
      const msg = concatBytes2(...msgs);
      return modN_LE(hash(domain(msg, abytes2(context, void 0, "context"), !!prehash)));
    }
    function sign3(msg, secretKey, options = {}) {
      validateObject(options, {}, {}, "options");
      msg = copyBytes2(abytes2(msg, void 0, "message"));
      if (prehash)
        msg = prehash(msg);
      const { prefix, scalar, pointBytes } = getExtendedPublicKey(secretKey);
      const r = hashDomainToScalar(options.context, prefix, msg);
      const R = BASE.multiply(r).toBytes();
      const k = hashDomainToScalar(options.context, R, pointBytes, msg);
      const s = Fn.create(r + k * scalar);
      if (!Fn.isValid(s))
        throw new Error("sign failed: invalid s");
      const rs = concatBytes2(R, Fn.toBytes(s));
      return abytes2(rs, lengths.signature, "result");
    }
    const verifyOpts = {
      zip215: opts.zip215
    };
    function verify(sig, msg, publicKey, options = verifyOpts) {
      validateObject(options);
      const { context } = options;
      const zip215 = options.zip215 === void 0 ? !!verifyOpts.zip215 : options.zip215;
      const len = lengths.signature;
      sig = abytes2(sig, len, "signature");
      msg = abytes2(msg, void 0, "message");
      publicKey = abytes2(publicKey, lengths.publicKey, "publicKey");
      if (zip215 !== void 0)
        abool2(zip215, "zip215");
      if (prehash)
        msg = prehash(msg);
      const mid = len / 2;
      const r = sig.subarray(0, mid);
      const s = bytesToNumberLE(sig.subarray(mid, len));
      let A, R, SB;
      try {
        A = Point.fromBytes(publicKey, zip215);
        R = Point.fromBytes(r, zip215);
        SB = BASE.multiplyUnsafe(s);
      } catch (error) {
        return false;
      }
      if (!zip215 && A.isSmallOrder())
        return false;
      const k = hashDomainToScalar(context, r, publicKey, msg);
      const RkA = R.add(A.multiplyUnsafe(k));
      return RkA.subtract(SB).clearCofactor().is0();
    }
    const _size = Fp2.BYTES;
    const lengths = {
      secretKey: _size,
      publicKey: _size,
      signature: 2 * _size,
      seed: _size
    };
    function randomSecretKey(seed) {
      seed = seed === void 0 ? randomBytes3(lengths.seed) : seed;
      return abytes2(seed, lengths.seed, "seed");
    }
    function isValidSecretKey(key) {
      return isBytes2(key) && key.length === lengths.secretKey;
    }
    function isValidPublicKey(key, zip215) {
      try {
        return !!Point.fromBytes(key, zip215 === void 0 ? verifyOpts.zip215 : zip215);
      } catch (error) {
        return false;
      }
    }
    const utils = {
      getExtendedPublicKey,
      randomSecretKey,
      isValidSecretKey,
      isValidPublicKey,
      /** Converts an Edwards public key to a companion Montgomery public key. */
      toMontgomery(publicKey) {
        if (toMontgomery2 === void 0)
          throw new Error("Montgomery conversion is not supported for this curve");
        return toMontgomery2(Point.fromBytes(publicKey));
      },
      toMontgomerySecret(secretKey) {
        if (toMontgomerySecret2 === void 0)
          throw new Error("Montgomery conversion is not supported for this curve");
        return toMontgomerySecret2(secretKey);
      }
    };
    Object.freeze(lengths);
    Object.freeze(utils);
    return Object.freeze({
      keygen: createKeygen(randomSecretKey, getPublicKey),
      getPublicKey,
      sign: sign3,
      verify,
      utils,
      Point,
      lengths
    });
  }

  // node_modules/@noble/curves/ed25519.js
  var _1n6 = /* @__PURE__ */ BigInt(1);
  var _2n4 = /* @__PURE__ */ BigInt(2);
  var _5n2 = /* @__PURE__ */ BigInt(5);
  var _8n3 = /* @__PURE__ */ BigInt(8);
  var ed25519_CURVE_p = /* @__PURE__ */ BigInt("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed");
  var ed25519_CURVE = /* @__PURE__ */ (() => ({
    p: ed25519_CURVE_p,
    n: BigInt("0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed"),
    h: _8n3,
    a: BigInt("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffec"),
    d: BigInt("0x52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3"),
    Gx: BigInt("0x216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a"),
    Gy: BigInt("0x6666666666666666666666666666666666666666666666666666666666666658")
  }))();
  function ed25519_pow_2_252_3(x) {
    const _10n = BigInt(10), _20n = BigInt(20), _40n = BigInt(40), _80n = BigInt(80);
    const P = ed25519_CURVE_p;
    const x2 = x * x % P;
    const b2 = x2 * x % P;
    const b4 = pow2(b2, _2n4, P) * b2 % P;
    const b5 = pow2(b4, _1n6, P) * x % P;
    const b10 = pow2(b5, _5n2, P) * b5 % P;
    const b20 = pow2(b10, _10n, P) * b10 % P;
    const b40 = pow2(b20, _20n, P) * b20 % P;
    const b80 = pow2(b40, _40n, P) * b40 % P;
    const b160 = pow2(b80, _80n, P) * b80 % P;
    const b240 = pow2(b160, _80n, P) * b80 % P;
    const b250 = pow2(b240, _10n, P) * b10 % P;
    const pow_p_5_8 = pow2(b250, _2n4, P) * x % P;
    return { pow_p_5_8, b2 };
  }
  function adjustScalarBytes(bytes) {
    bytes[0] &= 248;
    bytes[31] &= 127;
    bytes[31] |= 64;
    return bytes;
  }
  var ED25519_SQRT_M1 = /* @__PURE__ */ BigInt("19681161376707505956807079304988542015446066515923890162744021073123829784752");
  function uvRatio(u, v) {
    const P = ed25519_CURVE_p;
    const v3 = mod(v * v * v, P);
    const v7 = mod(v3 * v3 * v, P);
    const pow3 = ed25519_pow_2_252_3(u * v7).pow_p_5_8;
    let x = mod(u * v3 * pow3, P);
    const vx2 = mod(v * x * x, P);
    const root1 = x;
    const root2 = mod(x * ED25519_SQRT_M1, P);
    const useRoot1 = vx2 === u;
    const useRoot2 = vx2 === mod(-u, P);
    const noRoot = vx2 === mod(-u * ED25519_SQRT_M1, P);
    if (useRoot1)
      x = root1;
    if (useRoot2 || noRoot)
      x = root2;
    if (isNegativeLE(x, P))
      x = mod(-x, P);
    return { isValid: useRoot1 || useRoot2, value: x };
  }
  var ed25519_Point = /* @__PURE__ */ edwards(ed25519_CURVE, { uvRatio });
  var Fp = /* @__PURE__ */ (() => ed25519_Point.Fp)();
  function toMontgomery(point) {
    const { y } = point;
    return Fp.toBytes(Fp.div(_1n6 + y, _1n6 - y));
  }
  function toMontgomerySecret(secretKey) {
    const size = ed25519_Point.Fp.BYTES;
    abytes(secretKey, size);
    return adjustScalarBytes(sha512(secretKey.subarray(0, size))).subarray(0, size);
  }
  function ed(opts) {
    return eddsa(ed25519_Point, sha512, Object.assign({ adjustScalarBytes, toMontgomery, toMontgomerySecret, zip215: true }, opts));
  }
  var ed25519 = /* @__PURE__ */ ed({});

  // node_modules/@noble/curves/abstract/der.js
  var _0n6 = /* @__PURE__ */ BigInt(0);
  var DERErr = class extends Error {
    constructor(m = "") {
      super(m);
    }
  };
  var _DER = {
    // asn.1 DER encoding utils
    Err: DERErr,
    // Basic building block is TLV (Tag-Length-Value)
    _tlv: {
      encode: (tag2, data2) => {
        const { Err: E } = _DER;
        asafenumber(tag2, "tag");
        if (tag2 < 0 || tag2 > 255)
          throw new E("tlv.encode: wrong tag");
        astring(data2, "data");
        if (data2.length & 1)
          throw new E("tlv.encode: unpadded data");
        const dataLen = data2.length / 2;
        const len = numberToHexUnpadded(dataLen);
        if (len.length / 2 & 128)
          throw new E("tlv.encode: long form length too big");
        const lenLen = dataLen > 127 ? numberToHexUnpadded(len.length / 2 | 128) : "";
        const t = numberToHexUnpadded(tag2);
        return t + lenLen + len + data2;
      },
      // v - value, l - left bytes (unparsed)
      decode(tag2, data2) {
        const { Err: E } = _DER;
        data2 = abytes2(data2, void 0, "DER data");
        let pos = 0;
        if (tag2 < 0 || tag2 > 255)
          throw new E("tlv.decode: wrong tag");
        if (data2.length < 2 || data2[pos++] !== tag2)
          throw new E("tlv.decode: wrong tlv");
        const first = data2[pos++];
        const isLong = !!(first & 128);
        let length = 0;
        if (!isLong)
          length = first;
        else {
          const lenLen = first & 127;
          if (!lenLen)
            throw new E("tlv.decode(long): indefinite length not supported");
          if (lenLen > 4)
            throw new E("tlv.decode(long): byte length is too big");
          const lengthBytes = data2.subarray(pos, pos + lenLen);
          if (lengthBytes.length !== lenLen)
            throw new E("tlv.decode: length bytes not complete");
          if (lengthBytes[0] === 0)
            throw new E("tlv.decode(long): zero leftmost byte");
          for (const b of lengthBytes)
            length = length << 8 | b;
          pos += lenLen;
          if (length < 128)
            throw new E("tlv.decode(long): not minimal encoding");
        }
        const v = data2.subarray(pos, pos + length);
        if (v.length !== length)
          throw new E("tlv.decode: wrong value length");
        return { v, l: data2.subarray(pos + length) };
      }
    },
    // https://crypto.stackexchange.com/a/57734 Leftmost bit of first byte is 'negative' flag,
    // since we always use positive integers here. It must always be empty:
    // - add zero byte if exists
    // - if next byte doesn't have a flag, leading zero is not allowed (minimal encoding)
    _int: {
      encode(num) {
        const { Err: E } = _DER;
        abignumber(num);
        if (num < _0n6)
          throw new E("integer: negative integers are not allowed");
        let hex = numberToHexUnpadded(num);
        if (Number.parseInt(hex[0], 16) & 8)
          hex = "00" + hex;
        if (hex.length & 1)
          throw new E("unexpected DER parsing assertion: unpadded hex");
        return hex;
      },
      decode(data2) {
        const { Err: E } = _DER;
        if (data2.length < 1)
          throw new E("invalid signature integer: empty");
        if (data2[0] & 128)
          throw new E("invalid signature integer: negative");
        if (data2.length > 1 && data2[0] === 0 && !(data2[1] & 128))
          throw new E("invalid signature integer: unnecessary leading zero");
        return bytesToNumberBE(data2);
      }
    },
    toSig(bytes, maxScalarBytes) {
      const { Err: E, _int: int, _tlv: tlv } = _DER;
      if (maxScalarBytes !== void 0) {
        asafenumber(maxScalarBytes, "maxScalarBytes");
        if (maxScalarBytes < 1)
          throw new E("invalid signature: maxScalarBytes must be positive");
      }
      const data2 = abytes2(bytes, void 0, "signature");
      const { v: seqBytes, l: seqLeftBytes } = tlv.decode(48, data2);
      if (seqLeftBytes.length)
        throw new E("invalid signature: left bytes after parsing");
      const { v: rBytes, l: rLeftBytes } = tlv.decode(2, seqBytes);
      const { v: sBytes, l: sLeftBytes } = tlv.decode(2, rLeftBytes);
      if (sLeftBytes.length)
        throw new E("invalid signature: left bytes after parsing");
      if (maxScalarBytes !== void 0 && (rBytes.length > maxScalarBytes || sBytes.length > maxScalarBytes))
        throw new E("invalid signature: integer too large");
      return { r: int.decode(rBytes), s: int.decode(sBytes) };
    },
    hexFromSig(sig) {
      const { _tlv: tlv, _int: int } = _DER;
      validateObject(sig, { r: "bigint", s: "bigint" }, {}, "sig");
      const rs = tlv.encode(2, int.encode(sig.r));
      const ss = tlv.encode(2, int.encode(sig.s));
      const seq = rs + ss;
      return tlv.encode(48, seq);
    }
  };
  var DER = /* @__PURE__ */ (() => {
    Object.freeze(_DER._tlv);
    Object.freeze(_DER._int);
    return Object.freeze(_DER);
  })();

  // node_modules/@noble/curves/abstract/weierstrass.js
  var divNearest = (num, den) => (num + (num >= 0 ? den : -den) / _2n5) / den;
  function _splitEndoScalar(k, basis, n) {
    aInRange("scalar", k, _0n7, n);
    const [[a1, b1], [a2, b2]] = basis;
    const c1 = divNearest(b2 * k, n);
    const c2 = divNearest(-b1 * k, n);
    let k1 = k - c1 * a1 - c2 * a2;
    let k2 = -c1 * b1 - c2 * b2;
    const k1neg = k1 < _0n7;
    const k2neg = k2 < _0n7;
    if (k1neg)
      k1 = -k1;
    if (k2neg)
      k2 = -k2;
    const MAX_NUM = bitMask(Math.ceil(bitLen(n) / 2)) + _1n7;
    if (k1 < _0n7 || k1 >= MAX_NUM || k2 < _0n7 || k2 >= MAX_NUM) {
      throw new Error("splitScalar (endomorphism): failed for k");
    }
    return { k1neg, k1, k2neg, k2 };
  }
  function validateSigFormat(format4) {
    if (!["compact", "recovered", "der"].includes(format4))
      throw new Error('Signature format must be "compact", "recovered", or "der"');
    return format4;
  }
  function validateSigOpts(opts, def) {
    validateObject(opts);
    const optsn = {};
    for (let optName of Object.keys(def)) {
      optsn[optName] = opts[optName] === void 0 ? def[optName] : opts[optName];
    }
    abool2(optsn.lowS, "lowS");
    abool2(optsn.prehash, "prehash");
    if (optsn.format !== void 0)
      validateSigFormat(optsn.format);
    return optsn;
  }
  var _0n7 = /* @__PURE__ */ BigInt(0);
  var _1n7 = /* @__PURE__ */ BigInt(1);
  var _2n5 = /* @__PURE__ */ BigInt(2);
  var _3n2 = /* @__PURE__ */ BigInt(3);
  var _4n4 = /* @__PURE__ */ BigInt(4);
  function weierstrass(params, extraOpts = {}) {
    const validated = createCurveFields("weierstrass", params, extraOpts);
    const Fp2 = validated.Fp;
    const Fn = validated.Fn;
    let CURVE = validated.CURVE;
    const { h: cofactor, n: CURVE_ORDER } = CURVE;
    validateObject(extraOpts, {}, {
      allowInfinityPoint: "boolean",
      clearCofactor: "function",
      isTorsionFree: "function",
      fromBytes: "function",
      toBytes: "function",
      endo: "object",
      randomBytes: "function"
    });
    const { endo: endoOpts, allowInfinityPoint, clearCofactor, isTorsionFree, fromBytes, toBytes: toBytes2 } = extraOpts;
    const randomBytes3 = extraOpts.randomBytes === void 0 ? randomBytes2 : extraOpts.randomBytes;
    if (endoOpts) {
      if (!Fp2.is0(CURVE.a) || typeof endoOpts.beta !== "bigint" || !Array.isArray(endoOpts.basises)) {
        throw new Error('invalid endo: expected "beta": bigint and "basises": array');
      }
    }
    const endo = endoOpts ? {
      beta: endoOpts.beta,
      basises: endoOpts.basises.map((basis) => [...basis])
    } : void 0;
    const lengths = getWLengths(Fp2, Fn);
    function assertCompressionIsSupported() {
      if (!Fp2.isOdd)
        throw new Error("compression is not supported: Field does not have .isOdd()");
    }
    function pointToBytes(_c, point, isCompressed) {
      if (point.is0()) {
        if (!allowInfinityPoint)
          throw new Error("bad point: ZERO");
        return Uint8Array.of(0);
      }
      const { x, y } = point.toAffine();
      const bx = Fp2.toBytes(x);
      abool2(isCompressed, "isCompressed");
      if (isCompressed) {
        assertCompressionIsSupported();
        const hasEvenY = !Fp2.isOdd(y);
        return concatBytes2(pprefix(hasEvenY), bx);
      } else {
        return concatBytes2(Uint8Array.of(4), bx, Fp2.toBytes(y));
      }
    }
    function pointFromBytes(bytes) {
      abytes2(bytes, void 0, "Point");
      const { publicKey: comp, publicKeyUncompressed: uncomp } = lengths;
      const length = bytes.length;
      const head = bytes[0];
      const tail = bytes.subarray(1);
      if (allowInfinityPoint && length === 1 && head === 0)
        return { x: Fp2.ZERO, y: Fp2.ZERO };
      if (length === comp && (head === 2 || head === 3)) {
        const x = Fp2.fromBytes(tail);
        if (!Fp2.isValid(x))
          throw new Error("bad point: is not on curve, wrong x");
        const y2 = weierstrassEquation(x);
        let y;
        try {
          y = Fp2.sqrt(y2);
        } catch (sqrtError) {
          const err = sqrtError instanceof Error ? ": " + sqrtError.message : "";
          throw new Error("bad point: is not on curve, sqrt error" + err);
        }
        assertCompressionIsSupported();
        const evenY = Fp2.isOdd(y);
        const evenH = (head & 1) === 1;
        if (evenH !== evenY)
          y = Fp2.neg(y);
        return { x, y };
      } else if (length === uncomp && head === 4) {
        const L = Fp2.BYTES;
        const x = Fp2.fromBytes(tail.subarray(0, L));
        const y = Fp2.fromBytes(tail.subarray(L, L * 2));
        if (!isValidXY(x, y))
          throw new Error("bad point: is not on curve");
        return { x, y };
      } else {
        throw new Error(`bad point: got length ${length}, expected compressed=${comp} or uncompressed=${uncomp}`);
      }
    }
    const encodePoint = toBytes2 === void 0 ? pointToBytes : toBytes2;
    const decodePoint = fromBytes === void 0 ? pointFromBytes : fromBytes;
    const b3 = Fp2.mul(CURVE.b, _3n2);
    const mulA = Fp2.is0(CURVE.a) ? (_) => Fp2.ZERO : (x) => Fp2.mul(CURVE.a, x);
    function weierstrassEquation(x) {
      const x2 = Fp2.sqr(x);
      const x3 = Fp2.mul(x2, x);
      return Fp2.add(Fp2.add(x3, Fp2.mul(x, CURVE.a)), CURVE.b);
    }
    function isValidXY(x, y) {
      const left = Fp2.sqr(y);
      const right = weierstrassEquation(x);
      return Fp2.eql(left, right);
    }
    if (!isValidXY(CURVE.Gx, CURVE.Gy))
      throw new Error("bad curve params: generator point");
    const _4a3 = Fp2.mul(Fp2.pow(CURVE.a, _3n2), _4n4);
    const _27b2 = Fp2.mul(Fp2.sqr(CURVE.b), BigInt(27));
    if (Fp2.is0(Fp2.add(_4a3, _27b2)))
      throw new Error("bad curve params: a or b");
    function acoord(title, n, banZero = false) {
      if (!Fp2.isValid(n) || banZero && Fp2.is0(n))
        throw new Error(`bad point coordinate ${title}`);
      return typeof n === "object" && n !== null ? Fp2.create(n) : n;
    }
    function aprjpoint(other) {
      if (!(other instanceof Point))
        throw new Error("Weierstrass Point expected");
    }
    function splitEndoScalarN(k) {
      if (!endo || !endo.basises)
        throw new Error("no endo");
      return _splitEndoScalar(k, endo.basises, Fn.ORDER);
    }
    function pushWnafPair(points, scalars, p, k) {
      if (!Fn.isValid(k))
        throw new RangeError("invalid scalar: out of range");
      if (endo) {
        const { k1neg, k1, k2neg, k2 } = splitEndoScalarN(k);
        const psi = new Point(Fp2.mul(p.X, endo.beta), p.Y, p.Z);
        points.push(k1neg ? p.negate() : p, k2neg ? psi.negate() : psi);
        scalars.push(k1, k2);
      } else {
        points.push(p);
        scalars.push(k);
      }
    }
    const validityCache = /* @__PURE__ */ new WeakSet();
    class Point {
      static BASE = new Point(CURVE.Gx, CURVE.Gy, Fp2.ONE);
      static ZERO = new Point(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);
      static Fp = Fp2;
      static Fn = Fn;
      X;
      Y;
      Z;
      /** Does NOT validate if the point is valid. Use `.assertValidity()`. */
      constructor(X, Y, Z) {
        this.X = acoord("x", X);
        this.Y = acoord("y", Y, true);
        this.Z = acoord("z", Z);
        Object.freeze(this);
      }
      static CURVE() {
        return CURVE;
      }
      /** Does NOT validate if the point is valid. Use `.assertValidity()`. */
      static fromAffine(p) {
        const { x, y } = p || {};
        if (!p || !Fp2.isValid(x) || !Fp2.isValid(y))
          throw new Error("invalid affine point");
        if (p instanceof Point)
          throw new Error("projective point not allowed");
        if (Fp2.is0(x) && Fp2.is0(y))
          return Point.ZERO;
        return new Point(x, y, Fp2.ONE);
      }
      static fromBytes(bytes) {
        const P = Point.fromAffine(decodePoint(abytes2(bytes, void 0, "point")));
        P.assertValidity();
        return P;
      }
      static fromHex(hex) {
        return Point.fromBytes(hexToBytes2(hex));
      }
      get x() {
        return this.toAffine().x;
      }
      get y() {
        return this.toAffine().y;
      }
      /**
       * @param isLazy - true will defer table computation until the first multiplication
       */
      precompute(windowSize = 6, isLazy = true) {
        wnaf.setWindowSize(this, windowSize);
        if (!isLazy)
          this.multiply(_3n2);
        return this;
      }
      // TODO: return `this`
      /** A point on curve is valid if it conforms to equation. */
      assertValidity() {
        const p = this;
        if (p.is0()) {
          if (allowInfinityPoint && Fp2.is0(p.X) && Fp2.eql(p.Y, Fp2.ONE) && Fp2.is0(p.Z))
            return;
          throw new Error("bad point: ZERO");
        }
        if (validityCache.has(p))
          return;
        const { x, y } = p.toAffine();
        if (!Fp2.isValid(x) || !Fp2.isValid(y))
          throw new Error("bad point: x or y not field elements");
        if (!isValidXY(x, y))
          throw new Error("bad point: equation left != right");
        if (!p.isTorsionFree())
          throw new Error("bad point: not in prime-order subgroup");
        validityCache.add(p);
      }
      hasEvenY() {
        const { y } = this.toAffine();
        if (!Fp2.isOdd)
          throw new Error("Field doesn't support isOdd");
        return !Fp2.isOdd(y);
      }
      /** Compare one point to another. */
      equals(other) {
        aprjpoint(other);
        const { X: X1, Y: Y1, Z: Z1 } = this;
        const { X: X2, Y: Y2, Z: Z2 } = other;
        const U1 = Fp2.eql(Fp2.mul(X1, Z2), Fp2.mul(X2, Z1));
        const U2 = Fp2.eql(Fp2.mul(Y1, Z2), Fp2.mul(Y2, Z1));
        return U1 && U2;
      }
      /** Flips point to one corresponding to (x, -y) in Affine coordinates. */
      negate() {
        return new Point(this.X, Fp2.neg(this.Y), this.Z);
      }
      // Renes-Costello-Batina exception-free doubling formula.
      // There is 30% faster Jacobian formula, but it is not complete.
      // https://eprint.iacr.org/2015/1060, algorithm 3
      // Cost: 8M + 3S + 3*a + 2*b3 + 15add.
      double() {
        const { X: X1, Y: Y1, Z: Z1 } = this;
        let X3 = Fp2.ZERO, Y3 = Fp2.ZERO, Z3 = Fp2.ZERO;
        let t0 = Fp2.mul(X1, X1);
        let t1 = Fp2.mul(Y1, Y1);
        let t2 = Fp2.mul(Z1, Z1);
        let t3 = Fp2.mul(X1, Y1);
        t3 = Fp2.add(t3, t3);
        Z3 = Fp2.mul(X1, Z1);
        Z3 = Fp2.add(Z3, Z3);
        X3 = mulA(Z3);
        Y3 = Fp2.mul(b3, t2);
        Y3 = Fp2.add(X3, Y3);
        X3 = Fp2.sub(t1, Y3);
        Y3 = Fp2.add(t1, Y3);
        Y3 = Fp2.mul(X3, Y3);
        X3 = Fp2.mul(t3, X3);
        Z3 = Fp2.mul(b3, Z3);
        t2 = mulA(t2);
        t3 = Fp2.sub(t0, t2);
        t3 = mulA(t3);
        t3 = Fp2.add(t3, Z3);
        Z3 = Fp2.add(t0, t0);
        t0 = Fp2.add(Z3, t0);
        t0 = Fp2.add(t0, t2);
        t0 = Fp2.mul(t0, t3);
        Y3 = Fp2.add(Y3, t0);
        t2 = Fp2.mul(Y1, Z1);
        t2 = Fp2.add(t2, t2);
        t0 = Fp2.mul(t2, t3);
        X3 = Fp2.sub(X3, t0);
        Z3 = Fp2.mul(t2, t1);
        Z3 = Fp2.add(Z3, Z3);
        Z3 = Fp2.add(Z3, Z3);
        return new Point(X3, Y3, Z3);
      }
      // Renes-Costello-Batina exception-free addition formula.
      // There is 30% faster Jacobian formula, but it is not complete.
      // https://eprint.iacr.org/2015/1060, algorithm 1
      // Cost: 12M + 0S + 3*a + 3*b3 + 23add.
      add(other) {
        aprjpoint(other);
        const { X: X1, Y: Y1, Z: Z1 } = this;
        const { X: X2, Y: Y2, Z: Z2 } = other;
        let X3 = Fp2.ZERO, Y3 = Fp2.ZERO, Z3 = Fp2.ZERO;
        let t0 = Fp2.mul(X1, X2);
        let t1 = Fp2.mul(Y1, Y2);
        let t2 = Fp2.mul(Z1, Z2);
        let t3 = Fp2.add(X1, Y1);
        let t4 = Fp2.add(X2, Y2);
        t3 = Fp2.mul(t3, t4);
        t4 = Fp2.add(t0, t1);
        t3 = Fp2.sub(t3, t4);
        t4 = Fp2.add(X1, Z1);
        let t5 = Fp2.add(X2, Z2);
        t4 = Fp2.mul(t4, t5);
        t5 = Fp2.add(t0, t2);
        t4 = Fp2.sub(t4, t5);
        t5 = Fp2.add(Y1, Z1);
        X3 = Fp2.add(Y2, Z2);
        t5 = Fp2.mul(t5, X3);
        X3 = Fp2.add(t1, t2);
        t5 = Fp2.sub(t5, X3);
        Z3 = mulA(t4);
        X3 = Fp2.mul(b3, t2);
        Z3 = Fp2.add(X3, Z3);
        X3 = Fp2.sub(t1, Z3);
        Z3 = Fp2.add(t1, Z3);
        Y3 = Fp2.mul(X3, Z3);
        t1 = Fp2.add(t0, t0);
        t1 = Fp2.add(t1, t0);
        t2 = mulA(t2);
        t4 = Fp2.mul(b3, t4);
        t1 = Fp2.add(t1, t2);
        t2 = Fp2.sub(t0, t2);
        t2 = mulA(t2);
        t4 = Fp2.add(t4, t2);
        t0 = Fp2.mul(t1, t4);
        Y3 = Fp2.add(Y3, t0);
        t0 = Fp2.mul(t5, t4);
        X3 = Fp2.mul(t3, X3);
        X3 = Fp2.sub(X3, t0);
        t0 = Fp2.mul(t3, t1);
        Z3 = Fp2.mul(t5, Z3);
        Z3 = Fp2.add(Z3, t0);
        return new Point(X3, Y3, Z3);
      }
      subtract(other) {
        aprjpoint(other);
        return this.add(other.negate());
      }
      is0() {
        return this.equals(Point.ZERO);
      }
      /**
       * Constant time multiplication.
       * Uses precomputed tables (signed fixed-window wNAF) when available.
       * Uses scalar blinding and avoids endomorphism splitting in the secret-scalar path.
       * @param scalar - by which the point would be multiplied
       * @returns New point
       */
      multiply(scalar) {
        if (!Fn.isValidNot0(scalar))
          throw new RangeError("invalid scalar: out of range");
        const { p, f } = wnaf.mulSecret(this, scalar, cofactor, normalize2);
        return normalize2([p, f])[0];
      }
      /**
       * Non-constant-time multiplication. Uses width-4 wNAF with GLV endomorphism splitting
       * when available (two half-width scalars sharing one halved doubling chain).
       * It's faster, but should only be used when you don't care about
       * an exposed secret key e.g. sig verification, which works over *public* keys.
       */
      multiplyUnsafe(scalar) {
        const p = this;
        const sc = scalar;
        if (!Fn.isValid(sc))
          throw new RangeError("invalid scalar: out of range");
        if (sc === _0n7 || p.is0())
          return Point.ZERO;
        if (sc === _1n7)
          return p;
        if (wnaf.hasWindowSize(this))
          return wnaf.mulUnsafe(p, sc, normalize2);
        const points = [];
        const scalars = [];
        pushWnafPair(points, scalars, p, sc);
        return mulAddUnsafe(Point, points, scalars);
      }
      /**
       * Non-constant-time double-scalar multiplication `a⋅this + b⋅other` (Strauss–Shamir).
       * Both walks share one doubling chain via {@link mulAddUnsafe}, and GLV endomorphism
       * (when available) halves the chain again by splitting each scalar into two half-width
       * parts. Used by ECDSA verification and public-key recovery for `R = u1⋅G + u2⋅P`.
       * Only for public scalars.
       */
      mulAddUnsafe(a, other, b) {
        aprjpoint(other);
        const points = [];
        const scalars = [];
        pushWnafPair(points, scalars, this, a);
        pushWnafPair(points, scalars, other, b);
        return mulAddUnsafe(Point, points, scalars);
      }
      /**
       * Converts Projective point to affine (x, y) coordinates.
       * (X, Y, Z) ∋ (x=X/Z, y=Y/Z).
       * @param invertedZ - Z^-1 (inverted zero) - optional, precomputation is useful for invertBatch
       */
      toAffine(invertedZ) {
        const p = this;
        let iz = invertedZ;
        if (iz != null && !Fp2.isValid(iz))
          throw new RangeError('"invertedZ" expected valid field element');
        const { X, Y, Z } = p;
        if (Fp2.eql(Z, Fp2.ONE))
          return { x: X, y: Y };
        const is0 = p.is0();
        if (iz == null)
          iz = is0 ? Fp2.ONE : Fp2.inv(Z);
        const x = Fp2.mul(X, iz);
        const y = Fp2.mul(Y, iz);
        const zz = Fp2.mul(Z, iz);
        if (is0)
          return { x: Fp2.ZERO, y: Fp2.ZERO };
        if (!Fp2.eql(zz, Fp2.ONE))
          throw new Error("invZ was invalid");
        return { x, y };
      }
      /**
       * Checks whether Point is free of torsion elements (is in prime subgroup).
       * Always torsion-free for cofactor=1 curves.
       */
      isTorsionFree() {
        if (cofactor === _1n7)
          return true;
        if (isTorsionFree)
          return isTorsionFree(Point, this);
        return wnaf.mulUnsafe(this, CURVE_ORDER).is0();
      }
      clearCofactor() {
        if (cofactor === _1n7)
          return this;
        if (clearCofactor)
          return clearCofactor(Point, this);
        return this.multiplyUnsafe(cofactor);
      }
      isSmallOrder() {
        if (cofactor === _1n7)
          return this.is0();
        return this.clearCofactor().is0();
      }
      toBytes(isCompressed = true) {
        abool2(isCompressed, "isCompressed");
        this.assertValidity();
        return encodePoint(Point, this, isCompressed);
      }
      toHex(isCompressed = true) {
        return bytesToHex2(this.toBytes(isCompressed));
      }
      toString() {
        return `<Point ${this.is0() ? "ZERO" : this.toHex()}>`;
      }
    }
    const normalize2 = (points) => normalizeZ(Point, points);
    const wnaf = new ScalarMultiplier(Point, randomBytes3);
    if (wnaf.bits >= 6)
      Point.BASE.precompute(6);
    Object.freeze(Point.prototype);
    Object.freeze(Point);
    return Point;
  }
  function pprefix(hasEvenY) {
    return Uint8Array.of(hasEvenY ? 2 : 3);
  }
  function getWLengths(Fp2, Fn) {
    return {
      secretKey: Fn.BYTES,
      publicKey: 1 + Fp2.BYTES,
      publicKeyUncompressed: 1 + 2 * Fp2.BYTES,
      publicKeyHasPrefix: true,
      // Raw compact `(r || s)` signature width; DER and recovered signatures use
      // different lengths outside this helper.
      signature: 2 * Fn.BYTES
    };
  }
  function ecdh(Point, ecdhOpts = {}) {
    validatePointCons(Point);
    const { Fn } = Point;
    const randomBytes_ = ecdhOpts.randomBytes === void 0 ? randomBytes2 : ecdhOpts.randomBytes;
    const lengths = Object.assign(getWLengths(Point.Fp, Fn), {
      seed: Math.max(getMinHashLength(Fn.ORDER), 16)
    });
    function isValidSecretKey(secretKey) {
      try {
        const num = Fn.fromBytes(secretKey);
        return Fn.isValidNot0(num);
      } catch (error) {
        return false;
      }
    }
    function isValidPublicKey(publicKey, isCompressed) {
      const { publicKey: comp, publicKeyUncompressed } = lengths;
      try {
        const l = publicKey.length;
        if (isCompressed === true && l !== comp)
          return false;
        if (isCompressed === false && l !== publicKeyUncompressed)
          return false;
        return !Point.fromBytes(publicKey).is0();
      } catch (error) {
        return false;
      }
    }
    function randomSecretKey(seed) {
      seed = seed === void 0 ? randomBytes_(lengths.seed) : seed;
      return mapHashToField(abytes2(seed, lengths.seed, "seed"), Fn.ORDER);
    }
    function getPublicKey(secretKey, isCompressed = true) {
      return Point.BASE.multiply(Fn.fromBytes(secretKey)).toBytes(isCompressed);
    }
    function isProbPub(item) {
      const { secretKey, publicKey, publicKeyUncompressed } = lengths;
      const allowedLengths = Fn._lengths;
      if (!isBytes2(item))
        return void 0;
      const l = abytes2(item, void 0, "key").length;
      const isPub = l === publicKey || l === publicKeyUncompressed;
      const isSec = l === secretKey || !!allowedLengths?.includes(l);
      if (isPub && isSec)
        return void 0;
      return isPub;
    }
    function getSharedSecret(secretKeyA, publicKeyB, isCompressed = true) {
      if (isProbPub(secretKeyA) === true)
        throw new Error("first arg must be private key");
      if (isProbPub(publicKeyB) === false)
        throw new Error("second arg must be public key");
      const s = Fn.fromBytes(secretKeyA);
      const b = Point.fromBytes(publicKeyB);
      if (b.is0())
        throw new Error("invalid public key: point at infinity");
      return b.multiply(s).toBytes(isCompressed);
    }
    const utils = {
      isValidSecretKey,
      isValidPublicKey,
      randomSecretKey
    };
    const keygen = createKeygen(randomSecretKey, getPublicKey);
    Object.freeze(utils);
    Object.freeze(lengths);
    return Object.freeze({ getPublicKey, getSharedSecret, keygen, Point, utils, lengths });
  }
  function ecdsa(Point, hash, ecdsaOpts = {}) {
    validatePointCons(Point);
    const hash_ = hash;
    ahash(hash_);
    validateObject(ecdsaOpts, {}, {
      hmac: "function",
      lowS: "boolean",
      randomBytes: "function",
      bits2int: "function",
      bits2int_modN: "function"
    });
    const opts = Object.assign({}, ecdsaOpts);
    const randomBytes3 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
    const hmac2 = opts.hmac === void 0 ? (key, msg) => hmac(hash_, key, msg) : opts.hmac;
    const { Fp: Fp2, Fn } = Point;
    const { ORDER: CURVE_ORDER, BITS: fnBits } = Fn;
    const blindLength = getMinHashLength(CURVE_ORDER);
    const csprng = probeRandomBytes(randomBytes3, blindLength);
    const { keygen, getPublicKey, getSharedSecret, utils, lengths } = ecdh(Point, opts);
    const defaultSigOpts = {
      prehash: true,
      lowS: typeof opts.lowS === "boolean" ? opts.lowS : true,
      format: "compact",
      extraEntropy: false
    };
    const hasLargeRecoveryLifts = CURVE_ORDER * _2n5 + _1n7 < Fp2.ORDER;
    function isBiggerThanHalfOrder(number) {
      const HALF = CURVE_ORDER >> _1n7;
      return number > HALF;
    }
    function validateRS(title, num) {
      if (!Fn.isValidNot0(num))
        throw new Error(`invalid signature ${title}: out of range 1..Point.Fn.ORDER`);
      return num;
    }
    function assertFieldSignIsSupported() {
      if (!Fp2.isOdd)
        throw new Error("Field doesn't support isOdd");
    }
    function getRecoveryBit(x, y, r) {
      assertFieldSignIsSupported();
      return (x === r ? 0 : 2) | Number(Fp2.isOdd(y));
    }
    function assertRecoverableCurve() {
      if (hasLargeRecoveryLifts)
        throw new Error('"recovered" sig type is not supported for cofactor >2 curves');
    }
    function validateSigLength(bytes, format4) {
      validateSigFormat(format4);
      const size = lengths.signature;
      const sizer = format4 === "compact" ? size : format4 === "recovered" ? size + 1 : void 0;
      return abytes2(bytes, sizer);
    }
    class Signature {
      r;
      s;
      recovery;
      constructor(r, s, recovery) {
        this.r = validateRS("r", r);
        this.s = validateRS("s", s);
        if (recovery != null) {
          assertRecoverableCurve();
          if (![0, 1, 2, 3].includes(recovery))
            throw new Error("invalid recovery id");
          this.recovery = recovery;
        }
        Object.freeze(this);
      }
      static fromBytes(bytes, format4 = defaultSigOpts.format) {
        validateSigLength(bytes, format4);
        let recid;
        if (format4 === "der") {
          if (bytes.length > 2 * Fn.BYTES + 16)
            throw new DER.Err("invalid signature: DER signature too long");
          const { r: r2, s: s2 } = DER.toSig(abytes2(bytes), Fn.BYTES + 1);
          return new Signature(r2, s2);
        }
        if (format4 === "recovered") {
          recid = bytes[0];
          format4 = "compact";
          bytes = bytes.subarray(1);
        }
        const L = lengths.signature / 2;
        const r = bytes.subarray(0, L);
        const s = bytes.subarray(L, L * 2);
        return new Signature(Fn.fromBytes(r), Fn.fromBytes(s), recid);
      }
      static fromHex(hex, format4) {
        return this.fromBytes(hexToBytes2(hex), format4);
      }
      assertRecovery() {
        const { recovery } = this;
        if (recovery == null)
          throw new Error("invalid recovery id: must be present");
        return recovery;
      }
      addRecoveryBit(recovery) {
        return new Signature(this.r, this.s, recovery);
      }
      // Unlike the top-level helper below, this method expects a digest that has
      // already been hashed to the curve's message representative.
      recoverPublicKey(messageHash) {
        const { r, s } = this;
        const recovery = this.assertRecovery();
        const radj = recovery === 2 || recovery === 3 ? r + CURVE_ORDER : r;
        if (!Fp2.isValid(radj))
          throw new Error("invalid recovery id: sig.r+curve.n != R.x");
        const x = Fp2.toBytes(radj);
        const R = Point.fromBytes(concatBytes2(pprefix((recovery & 1) === 0), x));
        const ir = Fn.inv(radj);
        const h = bits2int_modN(abytes2(messageHash, void 0, "msgHash"));
        const u1 = Fn.create(-h * ir);
        const u2 = Fn.create(s * ir);
        const Q = Point.BASE.mulAddUnsafe(u1, R, u2);
        if (Q.is0())
          throw new Error("invalid recovery: point at infinify");
        Q.assertValidity();
        return Q;
      }
      // Signatures should be low-s, to prevent malleability.
      hasHighS() {
        return isBiggerThanHalfOrder(this.s);
      }
      toBytes(format4 = defaultSigOpts.format) {
        validateSigFormat(format4);
        if (format4 === "der")
          return hexToBytes2(DER.hexFromSig(this));
        const { r, s } = this;
        const rb = Fn.toBytes(r);
        const sb = Fn.toBytes(s);
        if (format4 === "recovered") {
          assertRecoverableCurve();
          return concatBytes2(Uint8Array.of(this.assertRecovery()), rb, sb);
        }
        return concatBytes2(rb, sb);
      }
      toHex(format4) {
        return bytesToHex2(this.toBytes(format4));
      }
    }
    Object.freeze(Signature.prototype);
    Object.freeze(Signature);
    const bits2int = opts.bits2int === void 0 ? function bits2int_def(bytes) {
      if (bytes.length > 8192)
        throw new Error("input is too large");
      const num = bytesToNumberBE(bytes);
      const delta = bytes.length * 8 - fnBits;
      return delta > 0 ? num >> BigInt(delta) : num;
    } : opts.bits2int;
    const bits2int_modN = opts.bits2int_modN === void 0 ? function bits2int_modN_def(bytes) {
      return Fn.create(bits2int(bytes));
    } : opts.bits2int_modN;
    const ORDER_MASK = bitMask(fnBits);
    function int2octets(num) {
      aInRange("num < 2^" + fnBits, num, _0n7, ORDER_MASK);
      return Fn.toBytes(num);
    }
    function validateMsgAndHash(message, prehash) {
      abytes2(message, void 0, "message");
      return prehash ? abytes2(hash_(message), void 0, "prehashed message") : message;
    }
    function prepSig(message, secretKey, opts2) {
      const { lowS, prehash, extraEntropy } = validateSigOpts(opts2, defaultSigOpts);
      message = validateMsgAndHash(message, prehash);
      const h1int = bits2int_modN(message);
      const d = Fn.fromBytes(secretKey);
      if (!Fn.isValidNot0(d))
        throw new Error("invalid private key");
      const seedArgs = [int2octets(d), int2octets(h1int)];
      if (extraEntropy != null && extraEntropy !== false) {
        const e = extraEntropy === true ? randomBytes3(lengths.secretKey) : extraEntropy;
        seedArgs.push(abytes2(e, void 0, "extraEntropy"));
      }
      const seed = concatBytes2(...seedArgs);
      const m = h1int;
      function k2sig(kBytes) {
        const k = bits2int(kBytes);
        if (!Fn.isValidNot0(k))
          return;
        const q = Point.BASE.multiply(k).toAffine();
        const r = Fn.create(q.x);
        if (r === _0n7)
          return;
        let s;
        if (csprng !== void 0) {
          const b = bytesToNumberBE(mapHashToField(csprng(blindLength), CURVE_ORDER));
          const ibk = Fn.inv(Fn.mul(b, k));
          const bm = Fn.mul(b, m);
          const bd = Fn.mul(b, d);
          s = Fn.create(ibk * Fn.create(bm + bd * r));
        } else {
          const ik = invertCt(k, CURVE_ORDER);
          s = Fn.create(ik * Fn.create(m + r * d));
        }
        if (s === _0n7)
          return;
        let recovery = getRecoveryBit(q.x, q.y, r);
        let normS = s;
        if (lowS && isBiggerThanHalfOrder(s)) {
          normS = Fn.neg(s);
          recovery ^= 1;
        }
        return new Signature(r, normS, hasLargeRecoveryLifts ? void 0 : recovery);
      }
      return { seed, k2sig };
    }
    function sign3(message, secretKey, opts2 = {}) {
      const { seed, k2sig } = prepSig(message, secretKey, opts2);
      const drbg = createHmacDrbg(hash_.outputLen, Fn.BYTES, hmac2);
      const sig = drbg(seed, k2sig);
      return sig.toBytes(opts2.format);
    }
    function verify(signature, message, publicKey, opts2 = {}) {
      const { lowS, prehash, format: format4 } = validateSigOpts(opts2, defaultSigOpts);
      publicKey = abytes2(publicKey, void 0, "publicKey");
      message = validateMsgAndHash(message, prehash);
      if (!isBytes2(signature)) {
        const end = signature instanceof Signature ? ", use sig.toBytes()" : "";
        throw new Error("verify expects Uint8Array signature" + end);
      }
      validateSigLength(signature, format4);
      try {
        const sig = Signature.fromBytes(signature, format4);
        const P = Point.fromBytes(publicKey);
        if (P.is0())
          return false;
        if (lowS && sig.hasHighS())
          return false;
        const { r, s } = sig;
        const h = bits2int_modN(message);
        const is = Fn.inv(s);
        const u1 = Fn.create(h * is);
        const u2 = Fn.create(r * is);
        const R = Point.BASE.mulAddUnsafe(u1, P, u2);
        if (R.is0())
          return false;
        const q = R.toAffine();
        const v = Fn.create(q.x);
        if (v !== r)
          return false;
        if (format4 === "recovered" && sig.recovery !== getRecoveryBit(q.x, q.y, r))
          return false;
        return true;
      } catch (e) {
        return false;
      }
    }
    function recoverPublicKey(signature, message, opts2 = {}) {
      const { prehash } = validateSigOpts(opts2, defaultSigOpts);
      message = validateMsgAndHash(message, prehash);
      return Signature.fromBytes(signature, "recovered").recoverPublicKey(message).toBytes();
    }
    return Object.freeze({
      keygen,
      getPublicKey,
      getSharedSecret,
      utils,
      lengths,
      Point,
      sign: sign3,
      verify,
      recoverPublicKey,
      Signature,
      hash: hash_
    });
  }

  // node_modules/@noble/curves/nist.js
  var p256_CURVE = /* @__PURE__ */ (() => ({
    p: BigInt("0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff"),
    n: BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"),
    h: BigInt(1),
    a: BigInt("0xffffffff00000001000000000000000000000000fffffffffffffffffffffffc"),
    b: BigInt("0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"),
    Gx: BigInt("0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
    Gy: BigInt("0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")
  }))();
  var p384_CURVE = /* @__PURE__ */ (() => ({
    p: BigInt("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff"),
    n: BigInt("0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973"),
    h: BigInt(1),
    a: BigInt("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc"),
    b: BigInt("0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef"),
    Gx: BigInt("0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7"),
    Gy: BigInt("0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f")
  }))();
  var p521_CURVE = /* @__PURE__ */ (() => ({
    p: BigInt("0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
    n: BigInt("0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409"),
    h: BigInt(1),
    a: BigInt("0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc"),
    b: BigInt("0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00"),
    Gx: BigInt("0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66"),
    Gy: BigInt("0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650")
  }))();
  var p256_Point = /* @__PURE__ */ weierstrass(p256_CURVE);
  var p256 = /* @__PURE__ */ ecdsa(p256_Point, sha256);
  var p384_Point = /* @__PURE__ */ weierstrass(p384_CURVE);
  var p384 = /* @__PURE__ */ ecdsa(p384_Point, sha384);
  var p521_Point = /* @__PURE__ */ weierstrass(p521_CURVE);
  var p521 = /* @__PURE__ */ ecdsa(p521_Point, sha512);

  // src/engine/rsaMath.ts
  var toBigInt = (bytes) => bytes.reduce((value, byte) => value << 8n | BigInt(byte), 0n);
  function toBytes(value, length) {
    const bytes = new Uint8Array(length);
    for (let i2 = length - 1; i2 >= 0; i2--, value >>= 8n) bytes[i2] = Number(value & 0xffn);
    return bytes;
  }
  function modPow(base, exponent, modulus) {
    let result = 1n;
    base %= modulus;
    for (; exponent > 0n; exponent >>= 1n) {
      if (exponent & 1n) result = result * base % modulus;
      base = base * base % modulus;
    }
    return result;
  }
  function emsaPkcs1v15(digestInfo2, length) {
    const padding = new Uint8Array(length - 3 - digestInfo2.length).fill(255);
    return toBigInt(new Uint8Array([0, 1, ...padding, 0, ...digestInfo2]));
  }
  function rsaPrivate(message, { p, q, dp, dq, qi }) {
    const m1 = modPow(message, dp, p);
    const m2 = modPow(message, dq, q);
    return m2 + qi * ((m1 - m2) % p + p) % p * q;
  }

  // src/engine/modules/nodeKeys.ts
  function readDer(bytes, at2 = 0) {
    const tag2 = bytes[at2];
    let length = bytes[at2 + 1];
    let start = at2 + 2;
    if (length & 128) {
      const count = length & 127;
      length = 0;
      for (let i2 = 0; i2 < count; i2++) length = length * 256 + bytes[start + i2];
      start += count;
    }
    if (tag2 === void 0 || length === void 0 || start + length > bytes.length) throw new Error("Invalid DER");
    return { tag: tag2, body: bytes.subarray(start, start + length), end: start + length };
  }
  function children(element) {
    const out = [];
    for (let at2 = 0; at2 < element.body.length; ) {
      const child = readDer(element.body, at2);
      out.push(child);
      at2 = child.end;
    }
    return out;
  }
  var hexOf = (bytes) => Buffer5.from(bytes).toString("hex");
  var bitsOf = (element) => element.body.subarray(1);
  var CURVES = [
    { jwk: "P-256", oid: "2a8648ce3d030107", namedCurve: "prime256v1", ecdsa: p256, size: p256.lengths.secretKey },
    { jwk: "P-384", oid: "2b81040022", namedCurve: "secp384r1", ecdsa: p384, size: p384.lengths.secretKey },
    { jwk: "P-521", oid: "2b81040023", namedCurve: "secp521r1", ecdsa: p521, size: p521.lengths.secretKey }
  ];
  var RSA_OID = "2a864886f70d010101";
  var EC_OID = "2a8648ce3d0201";
  var ED25519_OID = "2b6570";
  var OTHER_KEYS = {
    "2a8648ce380401": "DSA",
    "2a864886f70d01010a": "RSA-PSS",
    "2a864886f70d010301": "DH",
    "2a8648ce3e0201": "DH",
    "2b656e": "X25519",
    "2b656f": "X448",
    "2b6571": "Ed448",
    "2b8104000a": "secp256k1"
  };
  var isPrivate = (key) => (key.type === "ed25519" ? key.seed : key.d) !== void 0;
  function publicPart(key) {
    if (key.type === "rsa") return { type: "rsa", n: key.n, e: key.e };
    if (key.type === "ec") return { type: "ec", curve: key.curve, point: key.point };
    return { type: "ed25519", publicKey: key.publicKey };
  }
  var unavailable2 = (message) => nodeError(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", message);
  var unsupported = (what) => unavailable2(`The playground signs and verifies with RSA (PKCS#1 v1.5), EC (P-256, P-384, P-521) and Ed25519 keys only, not ${what}.`);
  var decoderError = () => nodeError(Error, "ERR_OSSL_UNSUPPORTED", "error:1E08010C:DECODER routines::unsupported");
  var base64url = (bytes) => Buffer5.from(bytes).toString("base64url");
  var jwkInteger = (value) => base64url(toBytes(value, Math.ceil(value.toString(16).length / 2)));
  var materialOf;
  var KeyObject = class {
    type;
    #key;
    static {
      materialOf = (key) => key.#key;
    }
    constructor(type, key) {
      this.type = type;
      this.#key = key;
    }
    get asymmetricKeyType() {
      return this.#key.type;
    }
    get asymmetricKeyDetails() {
      const key = this.#key;
      if (key.type === "rsa") return { modulusLength: key.n.toString(2).length, publicExponent: key.e };
      return key.type === "ec" ? { namedCurve: key.curve.namedCurve } : {};
    }
    /** JWK only (PEM and DER export are not emulated), its members in Node's order. */
    export(options) {
      if (options?.format !== "jwk") throw nodeError(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "The playground exports keys as JWK only.");
      const key = this.#key;
      const secret = this.type === "private";
      if (key.type === "ed25519") {
        return { crv: "Ed25519", ...secret && { d: base64url(key.seed) }, x: base64url(key.publicKey), kty: "OKP" };
      }
      if (key.type === "ec") {
        const { size, jwk: crv } = key.curve;
        const [x, y] = [key.point.subarray(1, 1 + size), key.point.subarray(1 + size)].map(base64url);
        return { kty: "EC", x, y, crv, ...secret && { d: base64url(key.d) } };
      }
      const pub = { kty: "RSA", n: jwkInteger(key.n), e: jwkInteger(key.e) };
      if (!secret) return pub;
      const { d, p, q, dp, dq, qi } = key;
      return { ...pub, d: jwkInteger(d), p: jwkInteger(p), q: jwkInteger(q), dp: jwkInteger(dp), dq: jwkInteger(dq), qi: jwkInteger(qi) };
    }
  };
  var PrivateKeyObject = class extends KeyObject {
  };
  var PublicKeyObject = class extends KeyObject {
  };
  for (const [type, name] of [[KeyObject, "KeyObject"], [PrivateKeyObject, "PrivateKeyObject"], [PublicKeyObject, "PublicKeyObject"]]) {
    Object.defineProperty(type, "name", { value: name });
  }
  var keyMaterial = (key) => materialOf(key);
  function keyObject(key, wantPrivate) {
    if (!wantPrivate) return new PublicKeyObject("public", publicPart(key));
    if (!isPrivate(key)) throw decoderError();
    return new PrivateKeyObject("private", key);
  }
  function ecKey(curve, point, d) {
    if (d && !curve.ecdsa.utils.isValidSecretKey(d)) throw new Error("Invalid EC private key");
    return { type: "ec", curve, point: curve.ecdsa.Point.fromBytes(point).toBytes(false), d };
  }
  function edKey(seed) {
    if (seed.length !== 32) throw new Error("Invalid Ed25519 private key");
    return { type: "ed25519", seed, publicKey: ed25519.getPublicKey(seed) };
  }
  function curveOf(oid) {
    if (oid?.tag === 48) throw unsupported("EC keys with explicit curve parameters");
    if (oid?.tag !== 6) throw new Error("No curve");
    const id = hexOf(oid.body);
    const curve = CURVES.find((known) => known.oid === id);
    if (!curve) throw unsupported(OTHER_KEYS[id] ? `${OTHER_KEYS[id]} keys` : "EC keys on this curve");
    return curve;
  }
  function ecPrivate(element, curve) {
    const items = children(element);
    const tagged = (tag2) => items.find((item) => item.tag === tag2);
    const parameters = tagged(160);
    const on = curve ?? curveOf(parameters && children(parameters)[0]);
    const d = new Uint8Array(on.size);
    d.set(items[1].body, on.size - items[1].body.length);
    const publicKey = tagged(161);
    return ecKey(on, publicKey ? bitsOf(children(publicKey)[0]) : on.ecdsa.getPublicKey(d, false), d);
  }
  function rsaKey(element) {
    const numbers = children(element).map((item) => toBigInt(item.body));
    if (numbers.length === 2) return { type: "rsa", n: numbers[0], e: numbers[1] };
    const [, n, e, d, p, q, dp, dq, qi] = numbers;
    return { type: "rsa", n, e, d, p, q, dp, dq, qi };
  }
  function algorithmOf(identifier) {
    const [oid, parameters] = children(identifier);
    const id = hexOf(oid.body);
    if (id === RSA_OID) return "rsa";
    if (id === ED25519_OID) return "ed25519";
    if (id === EC_OID) return curveOf(parameters);
    throw unsupported(OTHER_KEYS[id] ? `${OTHER_KEYS[id]} keys` : "this type of key");
  }
  var STRUCTURES = {
    pkcs1: rsaKey,
    sec1: (element) => ecPrivate(element),
    pkcs8(element) {
      const [, identifier, privateKey] = children(element);
      const algorithm = algorithmOf(identifier);
      const inner = readDer(privateKey.body);
      if (algorithm === "rsa") return rsaKey(inner);
      return algorithm === "ed25519" ? edKey(inner.body) : ecPrivate(inner, algorithm);
    },
    spki(element) {
      const [identifier, publicKey] = children(element);
      const algorithm = algorithmOf(identifier);
      if (algorithm === "rsa") return rsaKey(readDer(bitsOf(publicKey)));
      if (algorithm !== "ed25519") return ecKey(algorithm, bitsOf(publicKey));
      if (bitsOf(publicKey).length !== 32) throw new Error("Invalid Ed25519 public key");
      return { type: "ed25519", publicKey: bitsOf(publicKey) };
    }
  };
  function decode4(der, structure) {
    try {
      return STRUCTURES[structure](readDer(der));
    } catch (error) {
      if (error.code) throw error;
      throw decoderError();
    }
  }
  var PEM_LABELS = {
    "PRIVATE KEY": "pkcs8",
    "PUBLIC KEY": "spki",
    "RSA PRIVATE KEY": "pkcs1",
    "RSA PUBLIC KEY": "pkcs1",
    "EC PRIVATE KEY": "sec1"
  };
  function fromPem(text, wantPrivate) {
    const block2 = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)].find((match) => match[1] !== "EC PARAMETERS");
    if (!block2) throw decoderError();
    const [, label, body] = block2;
    if (label.includes("ENCRYPTED") || body.includes("Proc-Type: 4,ENCRYPTED")) {
      throw unavailable2("The playground does not decrypt encrypted keys (no passphrase is emulated): give it the key unencrypted.");
    }
    if (label === "DSA PRIVATE KEY") throw unsupported("DSA keys");
    if (!Object.hasOwn(PEM_LABELS, label)) throw decoderError();
    return keyObject(decode4(Buffer5.from(body.replace(/\s+/g, ""), "base64"), PEM_LABELS[label]), wantPrivate);
  }
  function invalidValue(name, value) {
    return nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property '${name}' is invalid. Received ${inspect2(value)}`);
  }
  function fromDer(der, type, wantPrivate) {
    const types2 = wantPrivate ? ["pkcs1", "pkcs8", "sec1"] : ["pkcs1", "spki", "pkcs8", "sec1"];
    if (!types2.includes(type)) throw invalidValue("options.type", type);
    return keyObject(decode4(der, type), wantPrivate);
  }
  function jwkString(jwk, name) {
    const value = jwk[name];
    if (typeof value !== "string") throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "key.${name}" property must be of type string. ${received(value)}`);
    return value;
  }
  function jwkOneOf(jwk, name, values) {
    if (!values.includes(jwk[name])) {
      throw nodeError(
        TypeError,
        "ERR_INVALID_ARG_VALUE",
        `The property 'key.${name}' must be one of: ${values.map((value) => `'${value}'`).join(", ")}. Received ${inspect2(jwk[name])}`
      );
    }
    return jwk[name];
  }
  var invalidJwk = (message = "Invalid JWK data") => nodeError(TypeError, "ERR_CRYPTO_INVALID_JWK", message);
  var fromBase64 = (text) => Uint8Array.from(Buffer5.from(text, "base64url"));
  function fixedSize(text, size) {
    const bytes = fromBase64(text);
    const start = bytes.findIndex((byte) => byte !== 0);
    const significant = start < 0 ? new Uint8Array(0) : bytes.subarray(start);
    if (significant.length > size) throw invalidJwk("Invalid JWK EC key");
    const out = new Uint8Array(size);
    out.set(significant, size - significant.length);
    return out;
  }
  function fromJwk(jwk, wantPrivate) {
    if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk)) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "key.key" property must be of type object. ${received(jwk)}`);
    }
    const members = jwk;
    const kty = jwkOneOf(members, "kty", ["RSA", "EC", "OKP"]);
    if (kty === "OKP") {
      jwkString(members, "crv");
      const crv = jwkOneOf(members, "crv", ["Ed25519", "Ed448", "X25519", "X448"]);
      const x = jwkString(members, "x");
      const bytes = fromBase64(wantPrivate ? jwkString(members, "d") : x);
      if (crv !== "Ed25519") throw unsupported(`${crv} keys`);
      if (bytes.length !== 32) throw invalidJwk();
      return keyObject(wantPrivate ? edKey(bytes) : { type: "ed25519", publicKey: bytes }, wantPrivate);
    }
    if (kty === "EC") {
      jwkString(members, "crv");
      const crv = jwkOneOf(members, "crv", ["P-256", "secp256k1", "P-384", "P-521"]);
      const [x, y] = [jwkString(members, "x"), jwkString(members, "y")];
      const d = wantPrivate ? jwkString(members, "d") : void 0;
      const curve = CURVES.find((known) => known.jwk === crv);
      if (!curve) throw unsupported(`${crv} keys`);
      const point = new Uint8Array([4, ...fixedSize(x, curve.size), ...fixedSize(y, curve.size)]);
      try {
        return keyObject(ecKey(curve, point, d === void 0 ? void 0 : fixedSize(d, curve.size)), wantPrivate);
      } catch {
        throw invalidJwk("Invalid JWK EC key");
      }
    }
    const fields = wantPrivate ? ["n", "e", "d", "p", "q", "dp", "dq", "qi"] : ["n", "e"];
    const numbers = Object.fromEntries(fields.map((name) => [name, toBigInt(fromBase64(jwkString(members, name)))]));
    return keyObject({ type: "rsa", ...numbers }, wantPrivate);
  }
  var BYTES = "string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView";
  var BYTES_OR_KEY = "string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey";
  function invalidKeyType(name, use, value) {
    const types2 = use === "createPrivateKey" ? BYTES : BYTES_OR_KEY;
    return nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The ${name} must be of type ${types2}. ${received(value)}`);
  }
  function fromKeyObject(key, use) {
    if (use === "createPrivateKey") throw invalidKeyType('"key" argument', use, key);
    if (key.type === "public" && use !== "verify") {
      throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private.");
    }
    return use === "sign" || key.type === "public" ? key : keyObject(materialOf(key), false);
  }
  function bytesOf2(value, encoding) {
    if (typeof value === "string") return Buffer5.from(value, typeof encoding === "string" && Buffer5.isEncoding(encoding) ? encoding : "utf8");
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    return void 0;
  }
  function pemText(value) {
    if (typeof value === "string") return value;
    const bytes = bytesOf2(value);
    return bytes && Buffer5.from(bytes).toString("latin1");
  }
  function prepareKey(input, use) {
    const wantPrivate = use === "createPrivateKey" || use === "sign";
    if (input instanceof KeyObject) return fromKeyObject(input, use);
    const pem = pemText(input);
    if (pem !== void 0) return fromPem(pem, wantPrivate);
    if (typeof input !== "object" || input === null) throw invalidKeyType('"key" argument', use, input);
    const { key, format: format4, type, encoding } = input;
    if (key instanceof KeyObject) return fromKeyObject(key, use);
    if (format4 === "jwk") return fromJwk(key, wantPrivate);
    const bytes = bytesOf2(key, encoding);
    if (!bytes) throw invalidKeyType('"key.key" property', use, key);
    if (format4 === void 0 || format4 === "pem") return fromPem(pemText(key), wantPrivate);
    if (format4 === "der") return fromDer(bytes, type, wantPrivate);
    throw invalidValue("options.format", format4);
  }

  // src/engine/modules/nodeSign.ts
  var DIGESTS = {
    sha1: { hash: sha1, prefix: "3021300906052b0e03021a05000414" },
    sha224: { hash: sha224, prefix: "302d300d06096086480165030402040500041c" },
    sha256: { hash: sha256, prefix: "3031300d060960864801650304020105000420" },
    sha384: { hash: sha384, prefix: "3041300d060960864801650304020205000430" },
    sha512: { hash: sha512, prefix: "3051300d060960864801650304020305000440" }
  };
  function digestOf(algorithm) {
    const name = String(algorithm).toLowerCase().replace(/^rsa-/, "").replace(/withrsaencryption$/, "").replace(/^sha-(?=\d)/, "sha");
    return Object.hasOwn(DIGESTS, name) ? DIGESTS[name] : void 0;
  }
  var invalidDigest = (algorithm) => nodeError(TypeError, "ERR_CRYPTO_INVALID_DIGEST", `Invalid digest: ${String(algorithm)}`);
  function digestFor(algorithm, key, streaming) {
    const digest = digestOf(algorithm ?? "sha256");
    if (algorithm != null && !digest) throw invalidDigest(algorithm);
    if (key.type !== "ed25519") return digest;
    if (streaming) throw nodeError(Error, "ERR_CRYPTO_UNSUPPORTED_OPERATION", "Unsupported crypto operation");
    if (algorithm != null) throw nodeError(Error, "ERR_OSSL_INVALID_DIGEST", "error:1C80007A:Provider routines::invalid digest");
    return void 0;
  }
  var FORMATS = { der: "der", "ieee-p1363": "compact" };
  function dsaEncodingOf(options) {
    if (typeof options !== "object" || options === null) return "der";
    const { dsaEncoding = "der" } = options;
    if (dsaEncoding === "der" || dsaEncoding === "ieee-p1363") return dsaEncoding;
    throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.dsaEncoding' is invalid. Received ${inspect2(dsaEncoding)}`);
  }
  var byteLength = (key) => Math.ceil(key.n.toString(16).length / 2);
  var digestInfo = (digest, data2) => Buffer5.from(digest.prefix + Buffer5.from(digest.hash(data2)).toString("hex"), "hex");
  function signWith(algorithm, data2, input, streaming) {
    if (!input) throw nodeError(Error, "ERR_CRYPTO_SIGN_KEY_REQUIRED", "No key provided to sign");
    const encoding = dsaEncodingOf(input);
    const key = keyMaterial(prepareKey(input, "sign"));
    const digest = digestFor(algorithm, key, streaming);
    if (key.type === "ed25519") return Buffer5.from(ed25519.sign(data2, key.seed));
    if (key.type === "ec") {
      return Buffer5.from(key.curve.ecdsa.sign(digest.hash(data2), key.d, { prehash: false, lowS: false, format: FORMATS[encoding] }));
    }
    const length = byteLength(key);
    return Buffer5.from(toBytes(rsaPrivate(emsaPkcs1v15(digestInfo(digest, data2), length), key), length));
  }
  function verifyWith(algorithm, data2, input, signature, streaming) {
    const encoding = dsaEncodingOf(input);
    const key = keyMaterial(prepareKey(input, "verify"));
    const digest = digestFor(algorithm, key, streaming);
    if (key.type === "rsa") {
      const length = byteLength(key);
      return signature.length === length && modPow(toBigInt(signature), key.e, key.n) === emsaPkcs1v15(digestInfo(digest, data2), length);
    }
    try {
      if (key.type === "ed25519") return ed25519.verify(signature, data2, key.publicKey, { zip215: false });
      return key.curve.ecdsa.verify(signature, digest.hash(data2), key.point, { prehash: false, lowS: false, format: FORMATS[encoding] });
    } catch {
      return false;
    }
  }
  function createSigning(dataBytes2) {
    class Sign {
      #algorithm;
      #chunks = [];
      constructor(algorithm) {
        if (!digestOf(algorithm)) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest");
        this.#algorithm = algorithm;
      }
      update(data2, encoding) {
        this.#chunks.push(Uint8Array.from(dataBytes2(data2, "data", encoding)));
        return this;
      }
      data() {
        return Buffer5.concat(this.#chunks);
      }
      get algorithm() {
        return this.#algorithm;
      }
      sign(key, encoding) {
        const signature = signWith(this.algorithm, this.data(), key, true);
        return encoding && Buffer5.isEncoding(encoding) ? signature.toString(encoding) : signature;
      }
    }
    class Verify extends Sign {
      verify(key, signature, encoding) {
        return verifyWith(this.algorithm, this.data(), key, dataBytes2(signature, "signature", encoding), true);
      }
    }
    return {
      createSign: (algorithm) => new Sign(algorithm),
      createVerify: (algorithm) => new Verify(algorithm),
      sign: (algorithm, data2, key) => signWith(algorithm, dataBytes2(data2, "data"), key, false),
      verify: (algorithm, data2, key, signature) => verifyWith(algorithm, dataBytes2(data2, "data"), key, dataBytes2(signature, "signature"), false),
      createPrivateKey: (key) => prepareKey(key, "createPrivateKey"),
      createPublicKey: (key) => prepareKey(key, "createPublicKey"),
      KeyObject
    };
  }

  // src/engine/modules/nodeCrypto.ts
  var HASHES = {
    md5,
    sha1,
    sha224,
    sha256,
    sha384,
    sha512,
    "sha512-224": sha512_224,
    "sha512-256": sha512_256,
    "sha3-224": sha3_224,
    "sha3-256": sha3_256,
    "sha3-384": sha3_384,
    "sha3-512": sha3_512,
    shake128,
    shake256,
    ripemd160,
    blake2b512: blake2b,
    blake2s256: blake2s
  };
  var XOF = /* @__PURE__ */ new Set(["shake128", "shake256"]);
  function canonicalName(algorithm) {
    const name = String(algorithm).toLowerCase().replace(/^id-rsassa-pkcs1-v1_5-with-/, "").replace(/^rsa-/, "").replace(/withrsa(encryption)?$/, "").replace(/^sha-(?=\d)/, "sha").replace(/^sha512\/(224|256)$/, "sha512-$1").replace(/^sha1-2$/, "sha1");
    const canonical = name === "ripemd" || name === "rmd160" ? "ripemd160" : name;
    return Object.hasOwn(HASHES, canonical) ? canonical : void 0;
  }
  function hashFunction(algorithm, allowXof = false) {
    const name = canonicalName(algorithm);
    return name && (allowXof || !XOF.has(name)) ? HASHES[name] : void 0;
  }
  function viewBytes(value) {
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    return void 0;
  }
  function dataBytes(value, name, encoding) {
    if (typeof value === "string") {
      return Buffer5.from(value, encoding && Buffer5.isEncoding(encoding) ? encoding : "utf8");
    }
    const bytes = viewBytes(value);
    if (bytes) return bytes;
    throw nodeError(
      TypeError,
      "ERR_INVALID_ARG_TYPE",
      `The "${name}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. ${received(value)}`
    );
  }
  var Hmac = class {
    #state;
    #finished = false;
    constructor(state) {
      this.#state = state;
    }
    update(data2, inputEncoding) {
      this.#assertOpen();
      this.#state.update(dataBytes(data2, "data", inputEncoding));
      return this;
    }
    /** A Buffer, or a string for a known encoding (Node also returns a Buffer for unknown encodings). */
    digest(encoding) {
      this.#assertOpen();
      this.#finished = true;
      return encoded(this.finish(this.#state), encoding);
    }
    finish(state) {
      return state.digest();
    }
    get state() {
      this.#assertOpen();
      return this.#state;
    }
    #assertOpen() {
      if (this.#finished) throw nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
    }
  };
  var Hash = class _Hash extends Hmac {
    #algorithm;
    #length;
    constructor(algorithm, state, length) {
      super(state);
      this.#algorithm = algorithm;
      this.#length = length;
    }
    copy(options) {
      const length = checkOutputLength(this.#algorithm, options?.outputLength ?? this.#length);
      return new _Hash(this.#algorithm, this.state.clone(), length);
    }
    finish(state) {
      if (!XOF.has(this.#algorithm) || this.#length === void 0) return state.digest();
      return this.#length === 0 ? new Uint8Array(0) : state.xof(this.#length);
    }
  };
  function checkOutputLength(algorithm, length) {
    if (length === void 0) return void 0;
    if (typeof length !== "number") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "options.outputLength" property must be of type number. ${received(length)}`);
    }
    if (!XOF.has(algorithm) && length !== HASHES[algorithm].outputLen) {
      throw nodeError(Error, "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH", "error:030000B2:digital envelope routines::not XOF or invalid length");
    }
    return XOF.has(algorithm) ? length : void 0;
  }
  var BUFFER_ENCODINGS = /* @__PURE__ */ new Set(["hex", "base64", "base64url", "latin1", "binary", "utf8", "utf-8", "ascii", "ucs2", "ucs-2", "utf16le", "utf-16le"]);
  function encoded(digest, encoding) {
    const bytes = Buffer5.from(digest);
    return encoding && Buffer5.isEncoding(encoding) ? bytes.toString(encoding) : bytes;
  }
  function checkInteger(name, value, min, max = 2147483647) {
    if (typeof value !== "number") throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be of type number. ${received(value)}`);
    if (!Number.isInteger(value)) {
      throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be an integer. Received ${value}`);
    }
    if (value < min || value > max) {
      throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be >= ${min} && <= ${max}. Received ${value}`);
    }
    return value;
  }
  function kdfDigest(digest) {
    if (typeof digest !== "string") throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "digest" argument must be of type string. ${received(digest)}`);
    const hash = hashFunction(digest);
    if (!hash) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_DIGEST", `Invalid digest: ${digest}`);
    return hash;
  }
  function keyBytes(value, name) {
    if (typeof value === "string") return Buffer5.from(value, "utf8");
    const bytes = viewBytes(value);
    if (bytes) return bytes;
    throw nodeError(
      TypeError,
      "ERR_INVALID_ARG_TYPE",
      `The "${name}" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView. ${received(value)}`
    );
  }
  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    const passwordBytes = keyBytes(password, "password");
    const saltBytes = keyBytes(salt, "salt");
    const count = checkInteger("iterations", iterations, 1);
    const length = checkInteger("keylen", keylen, 0);
    const hash = kdfDigest(digest);
    if (length === 0) return Buffer5.alloc(0);
    return Buffer5.from(pbkdf2(hash, passwordBytes, saltBytes, { c: count, dkLen: length }));
  }
  function hkdfSync(digest, ikm, salt, info, keylen) {
    const hash = kdfDigest(digest);
    const key = keyBytes(ikm, "ikm");
    const saltBytes = keyBytes(salt, "salt");
    const infoBytes = keyBytes(info, "info");
    const length = checkInteger("length", keylen, 0);
    if (infoBytes.length > 1024) {
      throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "info" is out of range. It must be <= 1024. Received ${infoBytes.length}`);
    }
    if (length > 255 * hash.outputLen) throw nodeError(RangeError, "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
    const out = length === 0 ? new Uint8Array(0) : hkdf(hash, key, saltBytes.length ? saltBytes : new Uint8Array(hash.outputLen), infoBytes, length);
    return out.slice().buffer;
  }
  function scryptSync(password, salt, keylen, options = {}) {
    const passwordBytes = keyBytes(password, "password");
    const saltBytes = keyBytes(salt, "salt");
    const length = checkInteger("keylen", keylen, 0);
    const pairs = [[options.N, options.cost], [options.r, options.blockSize], [options.p, options.parallelization]];
    if (pairs.some(([a, b]) => a !== void 0 && b !== void 0)) {
      throw nodeError(Error, "ERR_CRYPTO_SCRYPT_INVALID_PARAMETER", "Invalid scrypt parameter");
    }
    const N = options.N ?? options.cost ?? 16384;
    const r = options.r ?? options.blockSize ?? 8;
    const p = options.p ?? options.parallelization ?? 1;
    const maxmem = options.maxmem ?? 32 * 1024 * 1024;
    const cost = N || 16384;
    const block2 = r || 8;
    const parallel = p || 1;
    if (cost < 2 || (cost & cost - 1) !== 0 || !Number.isInteger(cost)) {
      throw nodeError(RangeError, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params");
    }
    if (128 * cost * block2 + 128 * block2 * parallel > maxmem) {
      throw nodeError(RangeError, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded");
    }
    if (length === 0) return Buffer5.alloc(0);
    return Buffer5.from(scrypt(passwordBytes, saltBytes, { N: cost, r: block2, p: parallel, dkLen: length, maxmem: maxmem + 1024 * 1024 }));
  }
  function later(run, callback) {
    if (typeof callback !== "function") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function. ${received(callback)}`);
    }
    const result = run();
    setTimeout(() => callback(null, result), 0);
  }
  function oneShotHash(algorithm, data2, outputEncoding = "hex") {
    if (typeof algorithm !== "string") throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "algorithm" argument must be of type string. ${received(algorithm)}`);
    if (typeof data2 !== "string" && !ArrayBuffer.isView(data2)) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. ${received(data2)}`);
    }
    if (typeof outputEncoding !== "string") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "outputEncoding" argument must be of type string. ${received(outputEncoding)}`);
    }
    const normalized = outputEncoding.toLowerCase();
    if (normalized !== "buffer" && !BUFFER_ENCODINGS.has(normalized)) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'outputEncoding' is invalid. Received '${outputEncoding}'`);
    }
    const hash = hashFunction(algorithm, true);
    if (!hash) throw new Error(`Digest method ${algorithm} is not supported`);
    const digest = hash(dataBytes(data2, "data"));
    return normalized === "buffer" ? Buffer5.from(digest) : encoded(digest, normalized);
  }
  function createCrypto(entropy) {
    function fillRandom(bytes) {
      for (let offset2 = 0; offset2 < bytes.length; offset2 += 65536) entropy.fill(bytes.subarray(offset2, offset2 + 65536));
      return bytes;
    }
    function randomBytes3(size, callback) {
      if (typeof size !== "number") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "size" argument must be of type number. ${received(size)}`);
      }
      if (!(size >= 0 && size <= 2 ** 31 - 1)) {
        throw nodeError(
          RangeError,
          "ERR_OUT_OF_RANGE",
          `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`
        );
      }
      const bytes = fillRandom(Buffer5.alloc(size));
      if (!callback) return bytes;
      queueMicrotask(() => callback(null, bytes));
      return void 0;
    }
    function randomInt(min, max) {
      if (max === void 0) [min, max] = [0, min];
      for (const [name, value] of [["min", min], ["max", max]]) {
        if (!Number.isSafeInteger(value)) {
          throw nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `The "${name}" argument must be a safe integer. ${received(value)}`);
        }
      }
      if (max <= min) {
        throw nodeError(
          RangeError,
          "ERR_OUT_OF_RANGE",
          `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`
        );
      }
      const RAND_MAX = 281474976710655;
      const range = max - min;
      if (range > RAND_MAX) {
        throw nodeError(
          RangeError,
          "ERR_OUT_OF_RANGE",
          `The value of "max - min" is out of range. It must be <= ${RAND_MAX}. Received ${range}`
        );
      }
      const limit = RAND_MAX - RAND_MAX % range;
      for (; ; ) {
        const draw = entropy.fill(new Uint8Array(6)).reduce((value, byte) => value * 256 + byte, 0);
        if (draw < limit) return min + draw % range;
      }
    }
    function getRandomValues2(array) {
      globalThis.crypto.getRandomValues(array);
      entropy.fill(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      return array;
    }
    const randomUUID = () => entropy.uuid();
    const subtle2 = globalThis.crypto.subtle;
    return {
      createHash(algorithm, options) {
        const name = canonicalName(algorithm);
        if (!name) throw new Error("Digest method not supported");
        const length = checkOutputLength(name, options?.outputLength);
        return new Hash(name, HASHES[name].create(), length);
      },
      createHmac(algorithm, key) {
        const hash = hashFunction(algorithm);
        if (!hash) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_DIGEST", `Invalid digest: ${algorithm}`);
        return new Hmac(hmac.create(hash, dataBytes(key, "key")));
      },
      hash: oneShotHash,
      ...createSigning(dataBytes),
      getHashes: () => Object.keys(HASHES),
      pbkdf2Sync,
      pbkdf2(password, salt, iterations, keylen, digest, callback) {
        later(() => pbkdf2Sync(password, salt, iterations, keylen, digest), callback);
      },
      hkdfSync,
      hkdf(digest, ikm, salt, info, keylen, callback) {
        later(() => hkdfSync(digest, ikm, salt, info, keylen), callback);
      },
      scryptSync,
      scrypt(password, salt, keylen, options, callback) {
        if (typeof options === "function") [options, callback] = [void 0, options];
        later(() => scryptSync(password, salt, keylen, options ?? {}), callback);
      },
      randomBytes: randomBytes3,
      randomUUID,
      randomInt,
      getRandomValues: getRandomValues2,
      timingSafeEqual(buf1, buf2) {
        const a = viewBytes(buf1);
        const b = viewBytes(buf2);
        if (!a || !b) {
          throw nodeError(
            TypeError,
            "ERR_INVALID_ARG_TYPE",
            `The "${a ? "buf2" : "buf1"}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`
          );
        }
        if (a.length !== b.length) {
          throw nodeError(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
        }
        let diff = 0;
        for (let i2 = 0; i2 < a.length; i2++) diff |= a[i2] ^ b[i2];
        return diff === 0;
      },
      // Node's `webcrypto` is the global `crypto`; here its random half also draws from the run's entropy.
      webcrypto: { getRandomValues: getRandomValues2, randomUUID, subtle: subtle2 },
      subtle: subtle2
    };
  }

  // src/engine/modules/nodeQuerystring.ts
  var encoder3 = new TextEncoder();
  var decoder2 = new TextDecoder();
  function escape2(value) {
    return encodeURIComponent(String(value));
  }
  function unescape2(value) {
    const text = String(value);
    if (!text.includes("%")) return text;
    const input = encoder3.encode(text);
    const output = new Uint8Array(input.length);
    const hex = (byte) => byte >= 48 && byte <= 57 || (byte | 32) >= 97 && (byte | 32) <= 102;
    let length = 0;
    for (let i2 = 0; i2 < input.length; i2++) {
      if (input[i2] === 37 && hex(input[i2 + 1]) && hex(input[i2 + 2])) {
        output[length++] = Number.parseInt(String.fromCharCode(input[i2 + 1], input[i2 + 2]), 16);
        i2 += 2;
      } else {
        output[length++] = input[i2];
      }
    }
    return decoder2.decode(output.subarray(0, length));
  }
  function parse5(text, sep, eq, options) {
    const result = /* @__PURE__ */ Object.create(null);
    if (typeof text !== "string" || text.length === 0) return result;
    const equals = eq || "=";
    const maxKeys = typeof options?.maxKeys === "number" ? options.maxKeys : 1e3;
    const decodeText = typeof options?.decodeURIComponent === "function" ? options.decodeURIComponent : unescape2;
    const decode5 = (part) => {
      const spaced = part.replace(/\+/g, " ");
      if (decodeText === unescape2) return unescape2(spaced);
      try {
        return decodeText(spaced);
      } catch {
        return unescape2(spaced);
      }
    };
    let pairs = text.split(sep || "&");
    if (maxKeys > 0) pairs = pairs.slice(0, maxKeys);
    for (const pair of pairs) {
      if (!pair) continue;
      const at2 = pair.indexOf(equals);
      const key = decode5(at2 === -1 ? pair : pair.slice(0, at2));
      const value = at2 === -1 ? "" : decode5(pair.slice(at2 + equals.length));
      const existing = result[key];
      if (existing === void 0) result[key] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else result[key] = [existing, value];
    }
    return result;
  }
  function primitive(value) {
    switch (typeof value) {
      case "string":
        return escape2(value);
      case "number":
        return Number.isFinite(value) ? String(value) : "";
      case "bigint":
      case "boolean":
        return String(value);
      default:
        return "";
    }
  }
  function stringify2(object, sep, eq) {
    if (object === null || typeof object !== "object") return "";
    const pairs = [];
    for (const [key, value] of Object.entries(object)) {
      const prefix = escape2(key) + (eq || "=");
      if (Array.isArray(value)) for (const item of value) pairs.push(prefix + primitive(item));
      else pairs.push(prefix + primitive(value));
    }
    return pairs.join(sep || "&");
  }
  function createQuerystring() {
    return { parse: parse5, stringify: stringify2, escape: escape2, unescape: unescape2, decode: parse5, encode: stringify2 };
  }

  // src/engine/modules/nodeUrl.ts
  var SLASHED = /* @__PURE__ */ new Set(["http:", "https:", "ftp:", "gopher:", "file:"]);
  function queryOf(search, parseQueryString) {
    return parseQueryString ? parse5(search?.slice(1) ?? "") : search?.slice(1) ?? null;
  }
  function toASCII(hostname) {
    try {
      return new URL(`http://${hostname}`).hostname;
    } catch {
      return "";
    }
  }
  function parse6(input, parseQueryString = false) {
    if (typeof input !== "string") throw new TypeError(`The "url" argument must be of type string. Received ${typeof input}`);
    const url = {
      protocol: null,
      slashes: null,
      auth: null,
      host: null,
      port: null,
      hostname: null,
      hash: null,
      search: null,
      query: null,
      pathname: null,
      path: null,
      href: ""
    };
    const trimmed = input.replace(/^[\x00-\x20\u00a0\ufeff]+|[\x00-\x20\u00a0\ufeff]+$/g, "");
    const split2 = trimmed.search(/[?#]/);
    const head = split2 === -1 ? trimmed : trimmed.slice(0, split2);
    let rest = head.replace(/\\/g, "/") + trimmed.slice(head.length);
    const simple = !trimmed.includes("#") && !head.includes("@") && /^(\/\/?(?!\/)[^?\s]*)(\?\S*)?$/.exec(rest);
    if (simple) {
      const search = simple[2] ?? null;
      return { ...url, pathname: simple[1], search, query: queryOf(search, parseQueryString), path: rest, href: rest };
    }
    const protocol = /^[a-z0-9.+-]+:/i.exec(rest)?.[0].toLowerCase() ?? null;
    if (protocol) {
      url.protocol = protocol;
      rest = rest.slice(protocol.length);
    }
    const isJavascript = protocol === "javascript:";
    let slashes = false;
    if (protocol || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
      slashes = rest.startsWith("//");
      if (slashes && !isJavascript) {
        rest = rest.slice(2);
        url.slashes = true;
      }
    }
    if (!isJavascript && (slashes || protocol && !SLASHED.has(protocol))) {
      let atSign = -1;
      let nonHost = -1;
      for (let i2 = 0; i2 < rest.length; i2++) {
        const char = rest[i2];
        if ("/?#".includes(char)) {
          if (nonHost === -1) nonHost = i2;
          break;
        }
        if (char === "@") {
          atSign = i2;
          nonHost = -1;
        } else if (nonHost === -1 && "	\n\r \"%';<>\\^`{|}".includes(char)) {
          nonHost = i2;
        }
      }
      if (atSign !== -1) url.auth = decodeURIComponent(rest.slice(0, atSign));
      let hostname = rest.slice(atSign + 1, nonHost === -1 ? void 0 : nonHost);
      rest = nonHost === -1 ? "" : rest.slice(nonHost);
      const port = /:[0-9]*$/.exec(hostname)?.[0];
      if (port) {
        if (port !== ":") url.port = port.slice(1);
        hostname = hostname.slice(0, -port.length);
      }
      const ipv6 = hostname.startsWith("[") && hostname.endsWith("]");
      const invalid2 = ipv6 ? -1 : hostname.search(/[/\\#?:]/);
      if (invalid2 !== -1) {
        rest = `/${hostname.slice(invalid2)}${rest}`;
        hostname = hostname.slice(0, invalid2);
      }
      hostname = hostname.length > 255 ? "" : hostname.toLowerCase();
      if (!ipv6 && /[^\x00-\x7f]/.test(hostname)) hostname = toASCII(hostname);
      url.host = hostname + (url.port ? `:${url.port}` : "");
      if (ipv6) {
        hostname = hostname.slice(1, -1);
        if (!rest.startsWith("/")) rest = `/${rest}`;
      }
      url.hostname = hostname;
    }
    if (!isJavascript) {
      rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
    }
    const hashAt = rest.indexOf("#");
    if (hashAt !== -1) {
      url.hash = rest.slice(hashAt);
      rest = rest.slice(0, hashAt);
    }
    const questionAt = rest.indexOf("?");
    if (questionAt !== -1) {
      url.search = rest.slice(questionAt);
      rest = rest.slice(0, questionAt);
    }
    url.query = queryOf(url.search, parseQueryString);
    if (rest) url.pathname = rest;
    if (protocol && SLASHED.has(protocol) && url.hostname && !url.pathname) url.pathname = "/";
    if (url.pathname || url.search) url.path = (url.pathname ?? "") + (url.search ?? "");
    url.href = formatLegacy(url);
    return url;
  }
  function formatLegacy(url) {
    const text = (value) => value ? String(value) : "";
    let auth = text(url.auth);
    if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/gi, ":")}@`;
    let protocol = text(url.protocol);
    if (protocol && !protocol.endsWith(":")) protocol += ":";
    let host = "";
    if (url.host) {
      host = auth + text(url.host);
    } else if (url.hostname) {
      const hostname = text(url.hostname);
      const bracketed = hostname.includes(":") && !(hostname.startsWith("[") && hostname.endsWith("]"));
      host = auth + (bracketed ? `[${hostname}]` : hostname) + (url.port ? `:${text(url.port)}` : "");
    }
    let pathname = text(url.pathname).replace(/[?#]/g, (char) => encodeURIComponent(char));
    if (url.slashes || SLASHED.has(protocol)) {
      if (url.slashes || host) {
        if (pathname && !pathname.startsWith("/")) pathname = `/${pathname}`;
        host = `//${host}`;
      } else if (protocol.startsWith("file")) {
        host = "//";
      }
    }
    const query = url.query !== null && typeof url.query === "object" ? stringify2(url.query) : "";
    let search = (text(url.search) || query && `?${query}`).replace(/#/g, "%23");
    if (search && !search.startsWith("?")) search = `?${search}`;
    let hash = text(url.hash);
    if (hash && !hash.startsWith("#")) hash = `#${hash}`;
    return protocol + host + pathname + search + hash;
  }
  function format3(url, options) {
    if (typeof url === "string") return parse6(url).href;
    if (url instanceof URL) return formatWhatwg(url, options);
    if (url === null || typeof url !== "object") throw new TypeError('The "urlObject" argument must be of type object or string.');
    return formatLegacy(url);
  }
  function formatWhatwg(url, options) {
    if (options !== void 0 && (options === null || typeof options !== "object")) {
      const shown = options === null ? "Received null" : `Received type ${typeof options} (${String(options)})`;
      throw Object.assign(new TypeError(`The "options" argument must be of type object. ${shown}`), { code: "ERR_INVALID_ARG_TYPE" });
    }
    const flag = (value, fallback) => value === null || value === void 0 ? fallback : Boolean(value);
    const copy = new URL(url.href);
    if (!flag(options?.fragment, true)) copy.hash = "";
    if (!flag(options?.search, true)) copy.search = "";
    if (!flag(options?.auth, true)) {
      copy.username = "";
      copy.password = "";
    }
    const href = copy.href;
    if (!flag(options?.unicode, false) || !copy.hostname || !/(^|\.)xn--/i.test(copy.hostname)) return href;
    const hostAt = href.indexOf(copy.hostname, Math.max(href.indexOf("@") + 1, href.indexOf("//") + 2));
    return href.slice(0, hostAt) + domainToUnicode(copy.hostname) + href.slice(hostAt + copy.hostname.length);
  }
  function domainToUnicode(domain) {
    return domain.split(".").map((label) => {
      if (!/^xn--/i.test(label)) return label;
      try {
        return decodePunycode(label.slice(4).toLowerCase());
      } catch {
        return label;
      }
    }).join(".");
  }
  function decodePunycode(input) {
    const base = 36;
    const output = [];
    const delimiter = input.lastIndexOf("-");
    for (let i3 = 0; i3 < Math.max(delimiter, 0); i3++) output.push(input.charCodeAt(i3));
    let n = 128;
    let bias = 72;
    let i2 = 0;
    const adapt = (delta, points, first) => {
      delta = first ? Math.floor(delta / 700) : delta >> 1;
      delta += Math.floor(delta / points);
      let k = 0;
      for (; delta > (base - 1) * 26 >> 1; k += base) delta = Math.floor(delta / (base - 1));
      return k + Math.floor((base - 1 + 1) * delta / (delta + 38));
    };
    for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length; ) {
      const oldi = i2;
      for (let w = 1, k = base; ; k += base) {
        if (index >= input.length) throw new RangeError("invalid punycode");
        const code = input.charCodeAt(index++);
        const digit = code >= 48 && code < 58 ? code - 22 : code >= 97 && code < 123 ? code - 97 : base;
        if (digit >= base) throw new RangeError("invalid punycode");
        i2 += digit * w;
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (digit < t) break;
        w *= base - t;
      }
      bias = adapt(i2 - oldi, output.length + 1, oldi === 0);
      n += Math.floor(i2 / (output.length + 1));
      i2 %= output.length + 1;
      output.splice(i2++, 0, n);
    }
    return String.fromCodePoint(...output);
  }
  function mergeRelative(base, relative) {
    const segments = (base.slice(0, base.lastIndexOf("/") + 1) + relative).split("/");
    const out = [];
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      if (segment === "." || segment === "..") {
        if (segment === "..") {
          if (out.length && out[out.length - 1] !== "..") out.pop();
          else out.push("..");
        }
        if (last) out.push("");
        return;
      }
      out.push(segment);
    });
    return out.join("/");
  }
  function resolve(from, to) {
    const base = parse6(from);
    if (!base.protocol && !base.slashes && !base.host && !(base.pathname ?? "").startsWith("/")) {
      const relative = parse6(to);
      if (!relative.protocol) {
        if ((relative.pathname ?? "").startsWith("/")) return relative.href;
        if (!relative.pathname) return (base.pathname ?? "") + (relative.search ?? base.search ?? "") + (relative.hash ?? "");
        return mergeRelative(base.pathname ?? "", relative.pathname) + (relative.search ?? "") + (relative.hash ?? "");
      }
    }
    const resolved = new URL(to, new URL(from, "resolve://"));
    if (resolved.protocol !== "resolve:") return resolved.href;
    return resolved.pathname + resolved.search + resolved.hash;
  }
  function createUrl() {
    return { URL, URLSearchParams, parse: parse6, format: format3, resolve, domainToUnicode };
  }

  // src/engine/modules/nodeUtil.ts
  var customPromisify = /* @__PURE__ */ Symbol.for("nodejs.util.promisify.custom");
  function assertFunction(value, what) {
    if (typeof value !== "function") throw new TypeError(`The ${what} must be of type function`);
  }
  function promisify(original) {
    assertFunction(original, '"original" argument');
    const custom = original[customPromisify];
    if (typeof custom === "function") return custom;
    return function(...args) {
      return new Promise((resolve2, reject) => {
        original.call(this, ...args, (error, value) => error ? reject(error) : resolve2(value));
      });
    };
  }
  promisify.custom = customPromisify;
  function callbackify(original) {
    assertFunction(original, '"original" argument');
    return function(...args) {
      const callback = args.pop();
      assertFunction(callback, "last argument");
      Promise.resolve(original.apply(this, args)).then(
        (value) => queueMicrotask(() => callback(null, value)),
        (reason) => queueMicrotask(() => callback(reason || Object.assign(
          new Error("Promise was rejected with falsy value"),
          { code: "ERR_FALSY_VALUE_REJECTION", reason }
        )))
      );
    };
  }
  function inherits(ctor, superCtor) {
    assertFunction(ctor, '"ctor" argument');
    assertFunction(superCtor, '"superCtor" argument');
    Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }
  var tag = (value) => Object.prototype.toString.call(value);
  function isDeepStrictEqual(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || tag(a) !== tag(b)) return false;
    if (a instanceof Date && a.getTime() !== b.getTime()) return false;
    if (a instanceof RegExp && String(a) !== String(b)) return false;
    if (a instanceof Error && (a.name !== b.name || a.message !== b.message)) return false;
    if (Array.isArray(a) && a.length !== b.length) return false;
    if (a instanceof Map) {
      const other = b;
      if (a.size !== other.size) return false;
      for (const [key, value] of a) if (!other.has(key) || !isDeepStrictEqual(value, other.get(key))) return false;
    }
    if (a instanceof Set) {
      const other = b;
      if (a.size !== other.size) return false;
      for (const value of a) if (!other.has(value)) return false;
    }
    const keys2 = Object.keys(a);
    if (keys2.length !== Object.keys(b).length) return false;
    return keys2.every((key) => Object.hasOwn(b, key) && isDeepStrictEqual(a[key], b[key]));
  }
  function createUtil() {
    return {
      format: format2,
      inspect: inspect2,
      promisify,
      callbackify,
      inherits,
      deprecate: (fn) => fn,
      isDeepStrictEqual,
      types: {
        isPromise: (value) => tag(value) === "[object Promise]",
        isDate: (value) => tag(value) === "[object Date]",
        isRegExp: (value) => tag(value) === "[object RegExp]"
      },
      TextEncoder,
      TextDecoder
    };
  }

  // src/engine/modules/nodeBuiltins.ts
  function createBuiltinModules(entropy) {
    return {
      crypto: createCrypto(entropy),
      url: createUrl(),
      querystring: createQuerystring(),
      util: createUtil(),
      buffer: { Buffer: Buffer5, kMaxLength: kMaxLength2, constants: { MAX_LENGTH: kMaxLength2 } }
    };
  }

  // src/engine/modules/registry.ts
  var PLAYGROUND_MODULES = ["axios", "buffer", "crypto", "querystring", "url", "util"];
  function createRequire(factories) {
    const loaded = /* @__PURE__ */ new Map();
    return function require2(name) {
      const key = typeof name === "string" ? name.replace(/^node:/, "") : String(name);
      if (loaded.has(key)) return loaded.get(key);
      const factory = Object.hasOwn(factories, key) ? factories[key] : void 0;
      if (!factory) {
        const available = Object.keys(factories).sort().join(", ");
        throw moduleError(`Cannot find module '${name}'
The playground provides: ${available}.`);
      }
      const value = factory();
      loaded.set(key, value);
      return value;
    };
  }
  function moduleError(message) {
    return Object.assign(new Error(message), { code: "MODULE_NOT_FOUND" });
  }

  // src/engine/modules/nodeProcess.ts
  var REFUSED = {
    exit: "an action ends when its handler returns or throws",
    reallyExit: "an action ends when its handler returns or throws",
    abort: "an action ends when its handler returns or throws",
    kill: "actions cannot signal processes",
    getBuiltinModule: `actions require() the modules the playground provides (${PLAYGROUND_MODULES.join(", ")})`,
    binding: "actions cannot reach Node's internals",
    _linkedBinding: "actions cannot reach Node's internals",
    dlopen: "actions cannot load native code"
  };
  function createProcess() {
    const process2 = {
      env: {},
      platform: "linux",
      version: "v22.12.0",
      versions: { node: "22.12.0" },
      cwd: () => "/",
      nextTick: (callback, ...args) => queueMicrotask(() => callback(...args))
    };
    for (const [name, why] of Object.entries(REFUSED)) {
      process2[name] = () => {
        throw new Error(`process.${name}() is not available in the Actions Playground: ${why}.`);
      };
    }
    return process2;
  }

  // src/engine/result.ts
  function transactionResult(event, tx, status, record) {
    const methods = [...Array.isArray(event.authentication?.methods) ? event.authentication.methods : [], ...tx.mfaMethods];
    return {
      status,
      ...record,
      user: tx.user,
      profileUpdates: { count: tx.writes.length, writes: tx.writes },
      idToken: null,
      accessToken: null,
      jwks: null,
      mfa: null,
      authentication: { methods, recordedMethods: tx.recordedMethods, primaryUser: tx.primaryUser },
      saml: tx.saml,
      samlResponse: null,
      session: tx.session,
      refreshToken: tx.refreshToken,
      transactionMetadata: tx.transactionMetadata,
      redirect: null,
      challenge: null,
      prompt: null,
      warnings: tx.warnings,
      resume: null
    };
  }

  // src/engine/playgroundKey.ts
  var PLAYGROUND_SIGNING_KEY = {
    kty: "RSA",
    n: "-Ql5MY8_NAkiQiexH9H3JqCw6Fo8BE2cfvmk9FIHrTMnNmWy0-g4KuGwNb0IVTTsf5MFrBMpBLQ_-Xxlpyl0x1IefUQc-Vzo8mckbQQ-FI_wvorGeFsrG1XOU7QQIohSQs7uDMxVprk7GwEJCueAyj4Q3Mw2Ln-IQuGBGkLD2YMwRvsXk0d_0i25DO60wuoNQhiDn7ZoKRs_d_18mCF9M4NueyHL2kJZkPv9DN07Wd51kpRHCnGK62ve5opNcCep9eqoNdmmJjLf-45LMwafH_g_3c0khjSYlNOj2gZiw8535IThSY4wfIsre1UMEyKTvrTuxefusz18baiyb_4yYQ",
    e: "AQAB",
    d: "UnMF-lf8K1yoyHE-rZPEuTezSkHxo9UULl-1cqQj4X5Riaty4MB9tAjDX49Fjnw2nmgNFTLEvkd09MLwHr9VZ9YyvPNLim1tvC9UunkQmpsrL9JfMiKw61xlsoWnX991KKQ84OTXqJqjzGVz2nXZyFtzFr7PY2aatNXW-dxH3h9vLULPcNka4lhqrE5XzzkzZO6YYqdNJ4alw3IQCeR7vy-Ps4gWygFdkF-F5Jvn4TwzcTY0sFDRkI6GTM-_VvCjftjK-HlKDa8y0B5z1W2HWNM3Dylt7_x2zzp9KW6Z6KaDU96rAvJQau3RKkbY0X1_1mZ5T5eI0YNhasJnfuJD3w",
    p: "_2ds6zCPGf560R0rToznluDZjokfSbXMBLUr2bfMeEmI7jZRfEl_i3Q_2trYIIpDpR9Nbkg7wbCznW7FkB7FB1CxzMIGiuypGrifJK6lakjNqTImWUw-YH0QQgmw5F2bc6QS_-3v_wG7duxW3l7-96p0t5z-21pBvDCnzsxp26s",
    q: "-Z4-kN3SBYWBilv60-PSC6XxgHNHIfTm1QhNiJDi0acqU_bHwMcb_uuTNP6xSaNOU-lI14N9GqQiG8d3q1iwWnq-ZtsHnx8ePnz_ceNQFVoNp2P8rLXZI1M09-wfWJHoeS1cVOHpXp_KkN9ja9A6UW-9Ry_6yUyOoGXsULs1fiM",
    dp: "jqM7YCpRcUn_W3Q38HmfCVNwDTulfqwKUgLAh6ovhmpDEA7D-W6uzbpRwy9_jsTJPJm7y8CJpwXBekYYDgIxNYGqmtktgD7lvmencXwcI7yfJ0Q7yJldKNQP1WHGKfPhUncqqUZAR6G3CZa6eRyCtty6rKUAbI7-sVRXE5Zz9Fs",
    dq: "IDf_pV0sPZA03zHuFylhtCUwHb9DYCunG7odn9HrpNnpybqhn81TXLz1XDK_mVydwJDs2PxcynKDAIjndlNVN-h96PK-chhnI_OoWP_ZF1hvSLrMI1K5eyjDPnjYturmUbW8JCygnZkMYVSkFYdj75z3lleoDBF4m1VsgiMXzXc",
    qi: "hpns2fnNktjVl6nb6DC4ntizJz9JBwncdxEHINMh8YnQUNUvJXtC0vijMYnrP-HmLNXE9qPwPKWzzk2Rllf-oYT2yDCnv4VPf5pxjWJ48SQ_aGN7BaH4aJ1sQcvRutJwmm0Geo5q1cvAYEWAhjg1Kw0XF00CjMfQxAZtcnUPJfg"
  };

  // src/engine/rs256.ts
  var encoder4 = new TextEncoder();
  var SHA256_DIGEST_INFO = [48, 49, 48, 13, 6, 9, 96, 134, 72, 1, 101, 3, 4, 2, 1, 5, 0, 4, 32];
  var fromJwk2 = (field) => toBigInt(base64url_exports.decode(field));
  function createRs256Signer(jwk) {
    const [p, q, dp, dq, qi] = [jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi].map(fromJwk2);
    const length = base64url_exports.decode(jwk.n).length;
    return (input) => {
      const digestInfo2 = new Uint8Array([...SHA256_DIGEST_INFO, ...sha256(encoder4.encode(input))]);
      return base64url_exports.encode(toBytes(rsaPrivate(emsaPkcs1v15(digestInfo2, length), { p, q, dp, dq, qi }), length));
    };
  }
  function signJwt(header, claims, sign3) {
    const input = `${base64url_exports.encode(JSON.stringify(header))}.${base64url_exports.encode(JSON.stringify(claims))}`;
    return `${input}.${sign3(input)}`;
  }
  function rsaThumbprint(jwk) {
    return base64url_exports.encode(sha256(encoder4.encode(JSON.stringify({ e: jwk.e, kty: "RSA", n: jwk.n }))));
  }

  // src/engine/tokens.ts
  var RESTRICTED_CLAIMS = new Set(
    "acr act active amr at_hash ath attest aud auth_time authorization_details azp c_hash client_id cnf cty dest entitlements events exp groups gty htm htu iat internalService iss jcard jku jti jwe jwk kid may_act mky nbf nonce object_id org_id org_name orig origid permissions roles rph s_hash sid sip_callid sip_cseq_num sip_date sip_from_tag sip_via_branch sub sub_jwk toe txn typ uuid vot vtm x5t#S256".split(" ")
  );
  var CUSTOM_CLAIMS_LIMIT_BYTES = 100 * 1024;
  var AUTH0_DOMAINS = ["auth0.com", "webtask.io", "webtask.run"];
  function isNamespaced(name) {
    return /^[a-z][a-z\d+.-]*:/i.test(name);
  }
  function namespaceHost(name) {
    try {
      return new URL(name).hostname.toLowerCase();
    } catch {
      return null;
    }
  }
  function usesAuth0Namespace(name) {
    if (name.toLowerCase().startsWith("urn:auth0")) return true;
    const host = namespaceHost(name);
    return !!host && AUTH0_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
  }
  function isAuth0ApiAudience(audience) {
    const host = namespaceHost(audience);
    return !!host && host.endsWith(".auth0.com") && !/\/userinfo\/?$/.test(audience);
  }
  var OIDC_PROFILE_CLAIM_SCOPES = {
    ...Object.fromEntries([
      "name",
      "family_name",
      "given_name",
      "middle_name",
      "nickname",
      "preferred_username",
      "profile",
      "picture",
      "website",
      "gender",
      "birthdate",
      "zoneinfo",
      "locale",
      "updated_at"
    ].map((claim) => [claim, "profile"])),
    email: "email",
    email_verified: "email",
    address: "address",
    phone_number: "phone",
    phone_number_verified: "phone"
  };
  function filterCustomClaims(claims, target, audience, requestedScopes) {
    const kept = {};
    const dropped = [];
    for (const [name, value] of Object.entries(claims)) {
      if (RESTRICTED_CLAIMS.has(name)) dropped.push({ name, reason: "it is a restricted claim" });
      else if (usesAuth0Namespace(name)) dropped.push({ name, reason: "its namespace is an Auth0 domain" });
      else if (target === "accessToken" && audience && isAuth0ApiAudience(audience) && !isNamespaced(name)) {
        dropped.push({ name, reason: "access tokens for Auth0 APIs ignore non-namespaced claims" });
      } else if (target === "accessToken" && requestedScopes && OIDC_PROFILE_CLAIM_SCOPES[name] && !requestedScopes.includes(OIDC_PROFILE_CLAIM_SCOPES[name])) {
        dropped.push({ name, reason: `it is an OIDC profile claim and the "${OIDC_PROFILE_CLAIM_SCOPES[name]}" scope was not requested` });
      } else kept[name] = value;
    }
    return { kept, dropped };
  }
  function claimsSize(claims) {
    return utf8Length(JSON.stringify(claims));
  }
  var keys = /* @__PURE__ */ new Map();
  function getSigningKey(privateJwk = PLAYGROUND_SIGNING_KEY) {
    const id = privateJwk.n ?? "";
    let key = keys.get(id);
    if (!key) {
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
      const kid = privateJwk.kid ?? rsaThumbprint(publicJwk);
      key = { sign: createRs256Signer(privateJwk), publicJwk: { ...publicJwk, kid, alg: "RS256", use: "sig" }, kid };
      keys.set(id, key);
    }
    return key;
  }
  var PROFILE_CLAIMS = ["name", "nickname", "given_name", "family_name", "picture", "updated_at"];
  function pick(source, names) {
    const out = {};
    for (const name of names) if (source[name] !== void 0) out[name] = source[name];
    return out;
  }
  function completedMfa(event) {
    const methods = event.authentication?.methods;
    return Array.isArray(methods) && methods.some((method) => typeof method === "object" && method !== null && method.name === "mfa");
  }
  function sign2(claims, key) {
    return signJwt({ alg: "RS256", typ: "JWT", kid: key.kid }, claims, key.sign);
  }
  async function issueTokens(input) {
    const { event, scopes, now, key } = input;
    const hostname = event.request?.hostname ?? `${event.tenant?.id ?? "tenant"}.auth0.com`;
    const issuer = `https://${hostname}/`;
    const clientId = event.client?.client_id ?? "";
    const authorizeQuery = input.authorizeRequest?.query ?? {};
    const audience = event.resource_server?.identifier ?? (typeof authorizeQuery.audience === "string" ? authorizeQuery.audience : null);
    const iat = Math.floor(now / 1e3);
    const organization = event.organization?.id ? { org_id: event.organization.id } : {};
    const warnings = [];
    const idCustom = filterCustomClaims(input.idTokenClaims, "idToken", null);
    const atCustom = filterCustomClaims(input.accessTokenClaims, "accessToken", audience, input.requestedScopes);
    for (const [token, filtered] of [["ID token", idCustom], ["access token", atCustom]]) {
      for (const { name, reason } of filtered.dropped) warnings.push(`Auth0 drops the claim "${name}" from the ${token}: ${reason}.`);
    }
    for (const [token, filtered] of [["ID token", idCustom], ["access token", atCustom]]) {
      const size = claimsSize(filtered.kept);
      if (size > CUSTOM_CLAIMS_LIMIT_BYTES) {
        const error = `The custom claims of the ${token} are ${(size / 1024).toFixed(1)} KB, over Auth0's limit of 100 KB per token.`;
        return { idToken: { jwt: null, claims: null, customClaims: idCustom.kept }, accessToken: { jwt: null, claims: null, customClaims: atCustom.kept, scope: scopes.join(" "), audience }, warnings, error };
      }
    }
    const user = event.user ?? {};
    const idClaims = {
      ...input.requestedScopes.includes("profile") ? pick(user, PROFILE_CLAIMS) : {},
      ...input.requestedScopes.includes("email") ? pick(user, ["email", "email_verified"]) : {},
      ...idCustom.kept,
      iss: issuer,
      sub: input.subject,
      aud: clientId,
      iat,
      exp: iat + 36e3,
      ...event.session?.id ? { sid: event.session.id } : {},
      // Step-up authentication: after the user completed MFA, the ID token's `amr` claim contains "mfa".
      ...completedMfa(event) ? { amr: ["mfa"] } : {},
      ...typeof authorizeQuery.nonce === "string" && authorizeQuery.nonce ? { nonce: authorizeQuery.nonce } : {},
      ...organization
    };
    const scope = scopes.join(" ");
    const atClaims = audience ? {
      ...atCustom.kept,
      iss: issuer,
      sub: input.subject,
      aud: scopes.includes("openid") ? [audience, `${issuer}userinfo`] : audience,
      iat,
      exp: iat + 86400,
      scope,
      azp: clientId,
      ...organization
    } : null;
    if (!atClaims && Object.keys(atCustom.kept).length) {
      warnings.push("No audience was requested, so Auth0 issues an opaque access token for /userinfo: its custom claims are not delivered.");
    }
    if (!input.issueIdToken && Object.keys(idCustom.kept).length) {
      warnings.push('The "openid" scope was not requested, so Auth0 issues no ID token: its custom claims are not delivered.');
    }
    const [idJwt, atJwt] = [input.issueIdToken ? sign2(idClaims, key) : null, atClaims ? sign2(atClaims, key) : null];
    const idToken = idJwt ? { jwt: idJwt, claims: idClaims, customClaims: idCustom.kept } : null;
    const accessToken = { jwt: atJwt, claims: atClaims, customClaims: atCustom.kept, scope, audience };
    return { idToken, accessToken, warnings };
  }

  // src/engine/transaction.ts
  function objectOr(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
  }
  function initialScopes(event) {
    const requested = event.transaction?.requested_scopes;
    if (Array.isArray(requested)) return requested.map(String);
    const scope = event.request?.query?.scope;
    return typeof scope === "string" ? scope.split(/\s+/).filter(Boolean) : [];
  }
  function createTransaction(event) {
    return {
      user: structuredClone({ app_metadata: objectOr(event.user?.app_metadata), user_metadata: objectOr(event.user?.user_metadata) }),
      pending: { app_metadata: {}, user_metadata: {} },
      writes: [],
      idTokenClaims: {},
      accessTokenClaims: {},
      scopes: initialScopes(event),
      mfa: null,
      mfaMethods: [],
      mfaCommands: 0,
      failure: null,
      recordedMethods: [],
      primaryUser: null,
      saml: null,
      session: null,
      refreshToken: null,
      transactionMetadata: { ...objectOr(event.transaction?.metadata) },
      request: null,
      prompt: null,
      denial: null,
      warnings: []
    };
  }
  function applyChanges(target, changes) {
    const out = { ...target };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete out[key];
      else setOwn(out, key, value);
    }
    return out;
  }
  function metadataForEvent(tx) {
    const copy = (target, changes) => {
      const out = {};
      for (const source of [target, changes]) {
        for (const key in source) {
          const value = source[key];
          if (value === null && source === changes) delete out[key];
          else setOwn(out, key, typeof value === "object" && value !== null ? structuredClone(value) : value);
        }
      }
      return out;
    };
    return { app_metadata: copy(tx.user.app_metadata, tx.pending.app_metadata), user_metadata: copy(tx.user.user_metadata, tx.pending.user_metadata) };
  }
  function currentMetadata(tx) {
    return {
      app_metadata: applyChanges(tx.user.app_metadata, tx.pending.app_metadata),
      user_metadata: applyChanges(tx.user.user_metadata, tx.pending.user_metadata)
    };
  }
  function flushMetadata(tx, when) {
    const { app_metadata, user_metadata } = tx.pending;
    if (!Object.keys(app_metadata).length && !Object.keys(user_metadata).length) return null;
    const write = { when, app_metadata, user_metadata };
    tx.user = currentMetadata(tx);
    tx.pending = { app_metadata: {}, user_metadata: {} };
    tx.writes.push(write);
    return write;
  }

  // src/engine/pipeline.ts
  var LOG_LIMIT_BYTES = 256 * 1024;
  var TIMEOUT = /* @__PURE__ */ Symbol("timeout");
  function resolveNow(now) {
    if (now === void 0) return void 0;
    const ms = typeof now === "number" ? now : Date.parse(now);
    if (!Number.isFinite(ms)) throw new Error(`Invalid "now": ${String(now)}`);
    return ms;
  }
  var Run = class {
    constructor(doc, options, previous) {
      this.doc = doc;
      this.options = options;
      const fixedNow = resolveNow(options.now);
      this.now = fixedNow === void 0 ? Date.now : () => fixedNow;
      this.entropy = createEntropy(options.seed);
      this.dateClass = fixedNow === void 0 ? Date : createDateClass(this.now);
      this.math = options.seed === void 0 ? Math : createMath(this.entropy);
      this.crypto = createCryptoGlobal(this.entropy);
      this.eventJson = JSON.stringify(doc.event);
      this.limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
      this.deadline = new Promise((resolve2) => {
        this.timer = setTimeout(() => resolve2(TIMEOUT), this.limitMs);
      });
      if (previous?.resume) {
        this.tx = cloneJson(previous.resume.transaction);
        this.timeline = cloneJson(previous.timeline);
        this.actions = cloneJson(previous.actions);
        this.http = cloneJson(previous.http);
        this.cache = new CacheState(previous.cache, this.now);
      } else {
        this.tx = createTransaction(doc.event);
        this.timeline = [];
        this.actions = doc.actions.map((action) => ({ id: action.id, name: action.name, status: "pending", durationMs: 0, logs: [], phases: [] }));
        this.http = [];
        this.cache = new CacheState({}, this.now);
      }
      this.apiContext = {
        tx: this.tx,
        event: {},
        action: { id: "", name: "" },
        phase: "execute",
        now: this.now,
        entropy: this.entropy,
        cache: this.cache,
        local: { suspension: null, rendered: false, userMetadataKeys: [] },
        api: null
      };
      this.makeApi = createApiMaker(this.apiContext, (call, name, args, callee, api) => {
        const frame = this.current;
        if (!frame || api !== this.apiContext.api) throw new Error("This action is no longer running: the flow has moved on.");
        return this.push("api", call, args, frame, this.callerLine(frame, callee, name));
      });
    }
    doc;
    options;
    now;
    entropy;
    tx;
    timeline;
    actions;
    http;
    cache;
    limitMs;
    eventJson;
    dateClass;
    math;
    /** Node's globals are shared by every module of the process, so by every action of the run. */
    crypto;
    process = createProcess();
    builtins = null;
    current = null;
    closed = false;
    markLine = 0;
    markName = null;
    /** What the run being continued was waiting for. */
    suspendedKind = null;
    timer;
    deadline;
    async loadCache(seed) {
      const stored = this.options.cacheStore ? await this.options.cacheStore.load() : {};
      for (const [key, record] of Object.entries({ ...seed, ...stored })) {
        if (record.expires_at > this.now()) this.cache.set(key, record.value, { expires_at: record.expires_at });
      }
    }
    // ---- timeline -------------------------------------------------------------------------------------
    push(kind, call, args, frame, line) {
      const copied = new Array(args.length);
      for (let i2 = 0; i2 < args.length; i2++) copied[i2] = toJson(args[i2]);
      const entry2 = frame ? { seq: this.timeline.length, kind, call, args: copied, action: frame.name, actionId: frame.id, phase: frame.phase } : { seq: this.timeline.length, kind, call, args: copied };
      if (line !== void 0) entry2.line = line;
      this.timeline.push(entry2);
      this.options.onProgress?.({ type: "timeline", entry: entry2 });
      return entry2;
    }
    engine(call, ...args) {
      this.push("engine", call, args, this.current);
    }
    /** The line of the call just made by the action: from its call-site mark, or else from the stack. */
    callerLine(frame, callee, names) {
      const marked = this.markName;
      if (marked !== null && (typeof names === "string" ? marked === names : names.includes(marked))) {
        this.markName = null;
        return this.markLine;
      }
      return callerLocation(frame.fileName, callee)?.line;
    }
    markCallSite = (line, name, value) => {
      this.markLine = line;
      this.markName = name;
      return value;
    };
    guard(frame) {
      if (this.closed || this.current !== frame) throw new Error("This action is no longer running: the flow has moved on.");
    }
    apiContext;
    makeApi;
    // ---- what an action sees ----------------------------------------------------------------------------
    eventFor(secrets) {
      const event = JSON.parse(this.eventJson);
      const tx = this.tx;
      if (typeof event.user === "object" && event.user !== null) {
        const metadata = metadataForEvent(tx);
        for (const field of ["app_metadata", "user_metadata"]) {
          const original = event.user[field];
          if (original === void 0 || typeof original === "object" && original !== null && !Array.isArray(original)) {
            event.user[field] = metadata[field];
          }
        }
      }
      event.secrets = { ...event.secrets ?? {}, ...secrets };
      if (tx.request) event.request = cloneJson(tx.request);
      if (tx.mfaMethods.length) {
        event.authentication ??= { methods: [] };
        event.authentication.methods = [...event.authentication.methods ?? [], ...cloneJson(tx.mfaMethods)];
      }
      if (tx.prompt) event.prompt = cloneJson(tx.prompt);
      if (event.transaction) event.transaction.metadata = { ...tx.transactionMetadata };
      if (event.session && tx.session?.metadata) event.session.metadata = cloneJson(tx.session.metadata);
      if (event.refresh_token && tx.refreshToken?.metadata) event.refresh_token.metadata = cloneJson(tx.refreshToken.metadata);
      return event;
    }
    consoleFor(frame) {
      const run = this;
      const write = (name, level) => function log(...args) {
        run.guard(frame);
        const line = run.callerLine(frame, log, name);
        const message = formatLog(...args);
        frame.logBytes += message.length;
        if (frame.logBytes > LOG_LIMIT_BYTES) {
          if (!frame.result.droppedLogs) run.tx.warnings.push(`${frame.name}: console output past 256 KiB was dropped, as Auth0 does.`);
          frame.result.droppedLogs = (frame.result.droppedLogs ?? 0) + 1;
          return;
        }
        frame.result.logs.push({ level, message, phase: frame.phase, ...line === void 0 ? {} : { line } });
        run.push("console", `console.${level}`, [message], frame, line);
      };
      return {
        log: write("log", "log"),
        info: write("info", "info"),
        warn: write("warn", "warn"),
        error: write("error", "error"),
        debug: write("debug", "debug"),
        trace: write("trace", "debug"),
        dir: write("dir", "log"),
        table: write("table", "log")
      };
    }
    httpFor(frame) {
      return createHttpClient(this.doc.mocks.http, {
        callerLine: (callee, names) => this.callerLine(frame, callee, names),
        record: (exchange, line) => {
          this.guard(frame);
          this.http.push({ action: frame.name, phase: frame.phase, ...exchange });
          this.push("http", `${exchange.method} ${exchange.url}`, [{ headers: exchange.headers, body: exchange.body, status: exchange.status, mock: exchange.mock }], frame, line);
        }
      });
    }
    library(name) {
      const load = this.options.libraries?.[name];
      if (!load) throw moduleError(`Cannot find module '${name}'
The playground loads ${name} for a run when an action's code names it.`);
      return load();
    }
    scopeFor(frame) {
      let http = null;
      const client = () => http ??= this.httpFor(frame);
      const builtins = () => this.builtins ??= createBuiltinModules(this.entropy);
      const require2 = createRequire({
        axios: () => client().axios(this.library("axios")),
        crypto: () => builtins().crypto,
        url: () => builtins().url,
        querystring: () => builtins().querystring,
        util: () => builtins().util,
        buffer: () => builtins().buffer
      });
      const fetch = ((input, init) => client().fetch(input, init));
      frame.fetch = fetch;
      return {
        require: require2,
        console: this.consoleFor(frame),
        fetch,
        Date: this.dateClass,
        Math: this.math,
        crypto: this.crypto,
        process: this.process,
        Buffer: Buffer5,
        markCallSite: this.markCallSite
      };
    }
    // ---- running actions --------------------------------------------------------------------------------
    async runHandler(index, phase) {
      const action = this.doc.actions[index];
      const frame = { index, id: action.id, name: action.name, phase, fileName: actionFileName(index, action.id), result: this.actions[index], logBytes: 0 };
      for (const log of frame.result.logs) frame.logBytes += log.message.length;
      this.current = frame;
      this.markName = null;
      frame.result.phases.push(phase);
      this.options.onProgress?.({ type: "action", index, id: action.id, name: action.name, phase, status: "running" });
      this.engine(phase === "execute" ? "action.start" : "action.continue");
      const compiled = compileAction(action.code, frame.fileName);
      if (!compiled.ok) return { error: compiled.error };
      const event = this.eventFor(action.secrets);
      const ctx = this.apiContext;
      Object.assign(ctx, { event, action: { id: action.id, name: action.name }, phase, local: { suspension: null, rendered: false, userMetadataKeys: [] } });
      const api = this.makeApi();
      ctx.api = api;
      const primaryUserBefore = this.tx.primaryUser;
      const handlerName = phase === "execute" ? "onExecutePostLogin" : "onContinuePostLogin";
      const started = performance.now();
      try {
        const exports = instantiate(compiled, this.scopeFor(frame));
        const optional = phase === "continue" && this.suspendedKind === "challenge" && exports.onContinuePostLogin === void 0;
        if (!optional) {
          const handler = checkHandler(exports, handlerName);
          if (handler instanceof Error) return { error: { name: "Error", message: handler.message } };
          const settled = await Promise.race([handler(event, api).then(() => null), this.deadline]);
          if (settled === TIMEOUT) return { timeout: true };
        }
      } catch (error) {
        return { error: toActionError(error, compiled) };
      } finally {
        frame.result.durationMs += Math.round((performance.now() - started) * 100) / 100;
      }
      if (primaryUserBefore === null && this.tx.primaryUser !== null) {
        for (const key of ctx.local.userMetadataKeys) delete this.tx.pending.user_metadata[key];
      }
      return { suspension: ctx.local.suspension, event };
    }
    async execute(start, firstPhase) {
      this.options.bindGlobalFetch?.(((input, init) => {
        const fetch = this.closed ? void 0 : this.current?.fetch;
        return fetch ? fetch(input, init) : Promise.reject(new TypeError("fetch is only available while an action runs."));
      }));
      for (let index = start; index < this.doc.actions.length; index++) {
        const action = this.doc.actions[index];
        const result = this.actions[index];
        if (!action.enabled) {
          result.status = "disabled";
          continue;
        }
        const phase = index === start ? firstPhase : "execute";
        const outcome = await this.runHandler(index, phase);
        const stop = this.afterAction(index, outcome);
        if (stop) return stop;
        this.options.onProgress?.({ type: "action", index, id: action.id, name: action.name, phase, status: result.status });
      }
      this.current = null;
      const write = flushMetadata(this.tx, "end");
      if (write) this.engine("profile.update", write);
      return this.issue();
    }
    /** Settles an action's status; returns the final result when the flow stops or suspends here. */
    afterAction(index, outcome) {
      const result = this.actions[index];
      const end = (status) => {
        result.status = status;
        this.engine("action.end", { status });
        this.options.onProgress?.({ type: "action", index, id: result.id, name: result.name, phase: result.phases.at(-1), status });
      };
      if (outcome.timeout) {
        result.error = { name: "TimeoutError", message: `The flow passed its time limit of ${this.limitMs / 1e3} s while this action was running: an endless loop, or a promise that never settles?` };
        end("failed");
        return this.stop("failed", { code: "access_denied", description: "Request to Webtask exceeded allowed execution time", timeout: true, action: result.name });
      }
      if (outcome.error) {
        result.error = outcome.error;
        end("failed");
        const { line, column } = outcome.error;
        return this.stop("failed", { code: "access_denied", description: outcome.error.message, action: result.name, ...line ? { line, column } : {} });
      }
      if (this.tx.failure) {
        result.error = { name: "Error", message: this.tx.failure };
        end("failed");
        return this.stop("failed", { code: "access_denied", description: this.tx.failure, action: result.name });
      }
      if (this.tx.denial) {
        end("denied");
        const write = flushMetadata(this.tx, "end");
        if (write) this.engine("profile.update", write);
        return this.stop("denied", { code: this.tx.denial.code, description: this.tx.denial.description, action: this.tx.denial.action });
      }
      const suspension = outcome.suspension;
      if (!suspension) {
        end("ok");
        return null;
      }
      const event = outcome.event;
      if (!canRedirect(event)) {
        result.error = { name: "Error", message: "This login cannot interact with the user (prompt=none or a non-interactive protocol), so it cannot be redirected or challenged." };
        end("failed");
        const code = event.request?.query?.prompt === "none" ? "interaction_required" : "access_denied";
        return this.stop("failed", { code, description: result.error.message, action: result.name });
      }
      let factors = [];
      if (suspension.kind === "challenge") {
        factors = this.qualifyingFactors(suspension, event);
        if (!factors.length) {
          const satisfied = this.satisfiedFactors(event);
          if (suspension.challengeKind === "challenge" && suspension.requested.some((factor) => satisfied.has(factor.type))) {
            end("ok");
            return null;
          }
          const types2 = suspension.requested.map((factor) => factor.type).join(", ");
          const message = suspension.challengeKind === "challenge" ? `MFA challenge failed: the user is not enrolled in any of the requested factors (${types2}).` : `MFA enrollment failed: the user is already enrolled in every requested factor (${types2}).`;
          result.error = { name: "Error", message };
          end("failed");
          return this.stop("failed", { code: "access_denied", description: message, action: result.name });
        }
      }
      end("suspended");
      return this.suspend(index, suspension, factors);
    }
    satisfiedFactors(event) {
      const methods = event.authentication?.methods ?? [];
      return new Set(methods.filter((method) => method.name === "mfa" && method.type).map((method) => method.type));
    }
    /** Auth0 ignores factors already satisfied in this transaction, not enrolled (challenge) or already enrolled (enroll). */
    qualifyingFactors(suspension, event) {
      const enrolled = new Set((event.user?.enrolledFactors ?? []).map((factor) => factor.type));
      const usable = new Set(enrolled);
      if (event.user?.email_verified === true && typeof event.user.email === "string" && event.user.email) usable.add("email");
      const satisfied = this.satisfiedFactors(event);
      if (suspension.challengeKind === "enroll") return suspension.requested.filter((factor) => !usable.has(factor.type));
      return suspension.requested.filter((factor) => !satisfied.has(factor.type) && (factor.type === "recovery-code" ? enrolled.size > 0 : usable.has(factor.type)));
    }
    async suspend(index, suspension, factors) {
      const action = this.actions[index];
      const write = flushMetadata(this.tx, "before-redirect");
      if (write) this.engine("profile.update", write);
      const state = randomId(this.entropy);
      const result = this.base("suspended");
      const owner = { action: action.name, actionId: action.id };
      if (suspension.kind === "redirect") {
        const url = new URL(suspension.url);
        url.searchParams.set("state", state);
        result.redirect = { url: url.href, state, ...owner };
        this.engine("redirect", { url: url.href });
      } else if (suspension.kind === "prompt") {
        result.prompt = { id: suspension.id, fields: suspension.fields, vars: suspension.vars, ...owner };
        this.engine("prompt.render", { id: suspension.id });
      } else {
        result.challenge = { kind: suspension.challengeKind, method: suspension.method, factors, requested: suspension.requested, ...owner };
        this.engine(`mfa.${suspension.challengeKind}`, { factors: factors.map((factor) => factor.type) });
      }
      const subject = String(this.doc.event.user?.user_id ?? "");
      result.resume = { state, kind: suspension.kind, actionIndex: index, subject, transaction: cloneJson(this.tx) };
      return this.finish(result);
    }
    async stop(status, error) {
      for (const action of this.actions) if (action.status === "pending") action.status = "skipped";
      this.current = null;
      const result = this.base(status);
      result.error = error;
      return this.finish(result);
    }
    async issue() {
      const event = this.eventFor({});
      const original = this.doc.event;
      if (original.transaction?.protocol === "samlp") return this.issueSaml(event);
      const requestedScopes = initialScopes(original);
      const key = getSigningKey(this.options.signingKey);
      const tokens = await issueTokens({
        event,
        authorizeRequest: this.doc.event.request ?? {},
        subject: this.tx.primaryUser ?? event.user?.user_id,
        requestedScopes,
        scopes: this.tx.scopes,
        idTokenClaims: this.tx.idTokenClaims,
        accessTokenClaims: this.tx.accessTokenClaims,
        // OIDC issues an ID token only for an `openid` request; addScope/removeScope are "direct access token
        // changes" ("Handling Scopes in Actions"), so they never add or remove the ID token.
        issueIdToken: requestedScopes.includes("openid"),
        now: this.now(),
        key
      });
      this.tx.warnings.push(...tokens.warnings);
      if (tokens.error) return this.stop("failed", { code: "access_denied", description: tokens.error });
      const result = this.base("completed");
      if (this.tx.mfa) {
        result.mfa = { required: this.tx.mfa.provider !== "none", ...this.tx.mfa };
        this.engine("mfa.required", result.mfa);
      }
      result.idToken = tokens.idToken;
      result.accessToken = tokens.accessToken;
      result.jwks = { keys: [key.publicJwk] };
      this.engine("tokens.issued", { scope: tokens.accessToken.scope, idTokenClaims: tokens.idToken ? Object.keys(tokens.idToken.customClaims) : null, accessTokenClaims: Object.keys(tokens.accessToken.customClaims) });
      return this.finish(result);
    }
    issueSaml(event) {
      const user = event.user ?? {};
      const subject = String(this.tx.primaryUser ?? user.user_id ?? "");
      const defaults = {
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier": "user_id",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": "email",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name": "name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname": "given_name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname": "family_name"
      };
      const attributes = {};
      for (const [attribute, field] of Object.entries(defaults)) {
        const value = field === "user_id" ? subject : user[field];
        if (value !== void 0 && value !== null) attributes[attribute] = value;
      }
      Object.assign(attributes, cloneJson(this.tx.saml?.attributes ?? {}));
      for (const [target, claims] of [["ID token", this.tx.idTokenClaims], ["access token", this.tx.accessTokenClaims]]) {
        if (Object.keys(claims).length) this.tx.warnings.push(`This is a SAML login: Auth0 issues no ${target}, so its custom claims are not delivered.`);
      }
      const result = this.base("completed");
      if (this.tx.mfa) {
        result.mfa = { required: this.tx.mfa.provider !== "none", ...this.tx.mfa };
        this.engine("mfa.required", result.mfa);
      }
      result.samlResponse = { subject, attributes, configuration: cloneJson(this.tx.saml?.configuration ?? {}) };
      this.engine("saml.response", { subject, attributes: Object.keys(attributes) });
      return this.finish(result);
    }
    base(status) {
      return transactionResult(this.doc.event, this.tx, status, { actions: this.actions, timeline: this.timeline, http: this.http, cache: {} });
    }
    async finish(result) {
      this.current = null;
      this.engine("flow.end", { status: result.status, ...result.error ? { error: result.error.code } : {} });
      this.closed = true;
      clearTimeout(this.timer);
      this.options.bindGlobalFetch?.(null);
      result.cache = this.cache.snapshot();
      await this.options.cacheStore?.save(result.cache);
      return result;
    }
    // ---- continuing -----------------------------------------------------------------------------------
    async resume(previous, request) {
      const resume = previous.resume;
      this.suspendedKind = resume.kind;
      const index = resume.actionIndex;
      const suspended = this.actions[index];
      this.engine("flow.continue", { query: request.query ?? {}, body: request.body ?? {}, ...request.mfa ? { mfa: request.mfa } : {} });
      const reject = (message) => {
        suspended.status = "failed";
        suspended.error = { name: "Error", message };
        return this.stop("failed", { code: "invalid_request", description: message, action: suspended.name });
      };
      const state = request.query?.state ?? request.body?.state;
      if (state === void 0 || state === null || state === "") return reject("The /continue request has no state parameter.");
      if (state !== resume.state) return reject("The state parameter of the /continue request does not match the suspended login.");
      if (resume.kind === "challenge") {
        const offered = previous.challenge?.factors.map((factor) => factor.type) ?? [];
        const type = request.mfa?.type;
        if (!type || !offered.includes(type)) {
          return reject(`The user did not complete one of the offered factors (${offered.join(", ")}).`);
        }
        this.tx.mfaMethods.push({ name: "mfa", type, timestamp: new Date(this.now()).toISOString() });
      }
      if (resume.kind === "prompt") {
        this.tx.prompt = { id: previous.prompt.id, fields: request.prompt?.fields ?? {}, vars: previous.prompt.vars };
      }
      const original = this.doc.event.request ?? {};
      const body = request.body ?? {};
      this.tx.request = { ...cloneJson(original), method: Object.keys(body).length ? "POST" : "GET", query: request.query ?? {}, body };
      suspended.status = "pending";
      return this.execute(index, "continue");
    }
  };
  async function runFlow(doc, options = {}) {
    const run = new Run(doc, options, null);
    await run.loadCache(doc.cache ?? {});
    return run.execute(0, "execute");
  }
  async function continueFlow(doc, previous, request, options = {}) {
    if (previous.status !== "suspended" || !previous.resume) throw new Error("Only a suspended run can be continued.");
    const index = previous.resume.actionIndex;
    if (doc.actions[index]?.id !== previous.actions[index]?.id || doc.actions.length !== previous.actions.length) {
      throw new Error("The flow changed since this run was suspended; run it again.");
    }
    const run = new Run(doc, options, previous);
    await run.loadCache({});
    return run.resume(previous, request);
  }

  // src/runtime/libraries.ts
  var LIBRARY_FILES = { axios: "axios/dist/browser/axios.cjs" };
  var LIBRARY_NAMES = Object.keys(LIBRARY_FILES);
  function libraryLoaders(sources = {}) {
    const evaluate = eval;
    const loaders = {};
    for (const name of LIBRARY_NAMES) {
      const source = sources[name];
      if (typeof source !== "string") continue;
      let value;
      loaders[name] = () => value ??= evaluateModule(evaluate, name, source);
    }
    return loaders;
  }
  function evaluateModule(evaluate, name, source) {
    const wrapped = `(function (module, exports, ${[...BLOCKED_GLOBALS, "WorkerGlobalScope"].join(", ")}) {
${source}
})
//# sourceURL=node_modules/${name}`;
    const module = { exports: {} };
    evaluate(wrapped)(module, module.exports);
    return module.exports;
  }

  // src/runtime/interruptedResult.ts
  function describe2(interruption) {
    switch (interruption.kind) {
      case "timeout": {
        const seconds = interruption.limitMs / 1e3;
        return {
          run: { code: "access_denied", description: "Request to Webtask exceeded allowed execution time", timeout: true },
          action: { name: "TimeoutError", message: `The flow passed its time limit of ${seconds} s while this action was running, so the playground stopped it: an endless loop, or a promise that never settles?` }
        };
      }
      case "stopped":
        return {
          run: { code: "access_denied", description: "The run was stopped before it finished." },
          action: { name: "StoppedError", message: "The run was stopped while this action was running." }
        };
      case "crashed":
        return {
          run: { code: "access_denied", description: `The engine worker crashed while the flow was running: ${interruption.detail}` },
          action: { name: "CrashError", message: `The engine worker crashed while this action was running: ${interruption.detail}` }
        };
      case "engine-error":
        return {
          run: { code: "server_error", description: interruption.message },
          action: { name: "Error", message: interruption.message }
        };
    }
  }
  function logOf(entry2) {
    return {
      level: entry2.call.slice("console.".length),
      message: String(entry2.args[0] ?? ""),
      phase: entry2.phase ?? "execute",
      ...entry2.line === void 0 ? {} : { line: entry2.line }
    };
  }
  function interruptedResult(request, progress, interruption) {
    const { doc } = request;
    const resumed = request.kind === "continue" && request.previous.resume ? request.previous : null;
    const tx = resumed ? structuredClone(resumed.resume.transaction) : createTransaction(doc.event);
    const actions = resumed ? structuredClone(resumed.actions) : doc.actions.map((action) => ({ id: action.id, name: action.name, status: "pending", durationMs: 0, logs: [], phases: [] }));
    const timeline = resumed ? structuredClone(resumed.timeline) : [];
    const start = resumed ? resumed.resume.actionIndex : 0;
    if (resumed) actions[start].status = "pending";
    const startedAt = /* @__PURE__ */ new Map();
    let running = null;
    let reached = start;
    for (const { event, at: at2 } of progress) {
      if (event.type === "timeline") {
        timeline.push(event.entry);
        if (event.entry.kind === "console") actions.find((action2) => action2.id === event.entry.actionId)?.logs.push(logOf(event.entry));
        continue;
      }
      const action = actions[event.index];
      reached = Math.max(reached, event.index + 1);
      if (event.status === "running") {
        running = event.index;
        startedAt.set(event.index, at2);
        action.phases.push(event.phase);
        continue;
      }
      action.status = event.status;
      const began = startedAt.get(event.index);
      if (began !== void 0) action.durationMs += Math.round(at2 - began);
      startedAt.delete(event.index);
      if (running === event.index) running = null;
    }
    const { run: error, action: actionError } = describe2(interruption);
    const push = (call, args, action) => {
      const entry2 = { seq: timeline.length, kind: "engine", call, args };
      if (action) Object.assign(entry2, { action: action.name, actionId: action.id, phase: action.phases.at(-1) ?? "execute" });
      timeline.push(entry2);
    };
    if (running !== null) {
      const action = actions[running];
      action.status = "failed";
      action.error = actionError;
      action.durationMs += Math.round(performance.now() - startedAt.get(running));
      error.action = action.name;
      push("action.end", [{ status: "failed" }], action);
      reached = running;
    }
    actions.forEach((action, index) => {
      if (action.status !== "pending") return;
      action.status = index < reached && doc.actions[index]?.enabled === false ? "disabled" : "skipped";
    });
    push("flow.end", [{ status: "failed", error: error.code }]);
    return {
      ...transactionResult(doc.event, tx, "failed", {
        actions,
        timeline,
        http: resumed ? structuredClone(resumed.http) : [],
        cache: resumed ? resumed.cache : doc.cache ?? {}
      }),
      error
    };
  }

  // src/runtime/serveEngineRequest.ts
  async function serveEngineRequest(request, onProgress, bindGlobalFetch2) {
    const progress = [];
    const options = {
      ...request.options,
      bindGlobalFetch: bindGlobalFetch2,
      libraries: libraryLoaders(request.libraries),
      onProgress: (event) => {
        progress.push({ event, at: performance.now() });
        onProgress(event);
      }
    };
    try {
      return request.kind === "run" ? await runFlow(request.doc, options) : await continueFlow(request.doc, request.previous, request.request, options);
    } catch (error) {
      bindGlobalFetch2(null);
      const message = error instanceof Error ? error.message : String(error);
      return interruptedResult(request, progress, { kind: "engine-error", message });
    }
  }

  // src/runtime/sandbox/context/entry.ts
  var { parse: parse7 } = JSON;
  var bindGlobalFetch = hardenGlobals();
  function serve(requestJson) {
    const request = parse7(requestJson);
    serveEngineRequest(request, (event) => callHost("progress", event), bindGlobalFetch).then((result) => callHost("done", result)).catch(reportUncaught);
  }
  var entry = { serve, fireTimer, settle, describe };
  return __toCommonJS(entry_exports);
})();
/*! Bundled license information:

ieee754/index.js:
  (*! ieee754. BSD-3-Clause License. Feross Aboukhadijeh <https://feross.org/opensource> *)

buffer/index.js:
  (*!
   * The buffer module from node.js, for the browser.
   *
   * @author   Feross Aboukhadijeh <https://feross.org>
   * @license  MIT
   *)

@noble/curves/utils.js:
@noble/curves/abstract/modular.js:
@noble/curves/abstract/curve.js:
@noble/curves/abstract/edwards.js:
@noble/curves/ed25519.js:
@noble/curves/abstract/der.js:
@noble/curves/abstract/weierstrass.js:
@noble/curves/nist.js:
  (*! noble-curves - MIT License (c) 2022 Paul Miller (paulmillr.com) *)
*/
return sandboxBundle.entry
})
