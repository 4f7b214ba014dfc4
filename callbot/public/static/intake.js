// The public form's small script. The form works without it; with it:
// - the error summary (or a notice) gets the focus, so a screen reader reads it first;
// - an ALTCHA proof-of-work challenge (asked only when this address sent many requests) is
//   solved while the person types: find the number n (0..maxNumber) for which
//   SHA-256(salt + n) is the challenge, then send {algorithm, challenge, number, salt,
//   signature} as base64 JSON in the "altcha" field. SHA-256 is computed here (no
//   crypto.subtle: it also works over plain HTTP), in slices so the page stays responsive.
(function () {
  "use strict";

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var W = new Array(64);

  // SHA-256 of an ASCII string, as lowercase hex.
  function sha256(text) {
    var bytes = [];
    for (var i = 0; i < text.length; i++) { bytes.push(text.charCodeAt(i) & 0xff); }
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) { bytes.push(0); }
    for (i = 7; i >= 0; i--) { bytes.push(i > 3 ? 0 : (bitLength >>> (i * 8)) & 0xff); }
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    for (var block = 0; block < bytes.length; block += 64) {
      for (i = 0; i < 16; i++) {
        var j = block + i * 4;
        W[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
      }
      for (i = 16; i < 64; i++) {
        var a15 = W[i - 15], a2 = W[i - 2];
        var s0 = ((a15 >>> 7) | (a15 << 25)) ^ ((a15 >>> 18) | (a15 << 14)) ^ (a15 >>> 3);
        var s1 = ((a2 >>> 17) | (a2 << 15)) ^ ((a2 >>> 19) | (a2 << 13)) ^ (a2 >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    var hex = "";
    for (i = 0; i < 8; i++) { hex += ("00000000" + (h[i] >>> 0).toString(16)).slice(-8); }
    return hex;
  }

  function solve(box) {
    var challenge = JSON.parse(box.getAttribute("data-challenge"));
    var field = document.getElementById("altcha");
    var status = document.getElementById("pow-status");
    var form = box.closest("form");
    var waiting = false;
    var n = 0;
    status.textContent = status.getAttribute("data-working");
    form.addEventListener("submit", function (event) {
      if (!field.value) { event.preventDefault(); waiting = true; }
    });
    function slice() {
      var end = Math.min(n + 2000, challenge.maxNumber + 1);
      for (; n < end; n++) {
        if (sha256(challenge.salt + n) === challenge.challenge) {
          field.value = btoa(JSON.stringify({
            algorithm: challenge.algorithm, challenge: challenge.challenge, number: n,
            salt: challenge.salt, signature: challenge.signature
          }));
          status.textContent = status.getAttribute("data-done");
          if (waiting) { form.submit(); }
          return;
        }
      }
      if (n <= challenge.maxNumber) { setTimeout(slice, 0); }
    }
    setTimeout(slice, 0);
  }

  function start() {
    var focus = document.getElementById("error-summary") || document.getElementById("notice");
    if (focus) { focus.focus(); }
    var box = document.getElementById("pow");
    if (box) { solve(box); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
