// Camera scanning for the registrar's page: the phone's rear camera reads personal codes (QR) and the 1D barcodes
// printed on tube labels (Code 128, and Code 39, Code 93, Codabar, ITF, EAN/UPC that other tube makers print) and hands
// each code to scan.js through a 'frontline:scanned' event, the same path as a scanner's input. Decoding is the
// browser's BarcodeDetector where it reads QR codes and Code 128, otherwise the same API from the barcode-detector
// package (ZXing-C++ in WebAssembly, served by Frontline). A code held in front of the camera is taken once: the
// same value is ignored until it has been out of sight for HOLD_MS. Without a camera, or without permission, the page
// says so and the scanner and typing keep working.
(function () {
  'use strict';

  var HOLD_MS = 2000;
  var FRAME_MS = 120;
  var FORMATS = ['qr_code', 'code_128', 'code_39', 'code_93', 'codabar', 'itf', 'ean_13', 'ean_8', 'upc_a', 'upc_e'];
  var page = document.getElementById('scan-page');
  var openButton = document.getElementById('camera-open');
  if (!page || !openButton) { return; }
  var closeButton = document.getElementById('camera-close');
  var box = document.getElementById('camera');
  var view = document.getElementById('camera-view');
  var status = document.getElementById('camera-status');
  var messages = {};
  document.querySelectorAll('#messages li').forEach(function (li) { messages[li.dataset.key] = li.textContent; });

  var state = 'off';
  var session = 0;
  var stream = null;
  var video = null;
  var timer = null;
  var detecting = null;
  var last = { text: null, at: 0 };
  var audio = null;
  var flashTimer = null;

  function setState(next) {
    state = next;
    page.dataset.camera = next;
    var on = next !== 'off';
    openButton.classList.toggle('hidden', on);
    closeButton.classList.toggle('hidden', !on);
    box.classList.toggle('hidden', !on);
  }

  function say(kind, key) {
    status.className = 'camera-status ' + kind;
    status.textContent = messages[key] || key;
    status.dataset.key = key;
  }

  // The browser's own detector when it reads what tube labels and personal codes carry; otherwise the packaged one,
  // whose WebAssembly file is served by Frontline (its URL, named by its content, is on the page).
  function makeDetector() {
    if (detecting) { return detecting; }
    var native = window.BarcodeDetector;
    var nativeFormats = native && native.getSupportedFormats ? native.getSupportedFormats() : Promise.resolve([]);
    detecting = nativeFormats.catch(function () { return []; }).then(function (supported) {
      if (supported.indexOf('qr_code') >= 0 && supported.indexOf('code_128') >= 0) {
        return new native({ formats: FORMATS.filter(function (f) { return supported.indexOf(f) >= 0; }) });
      }
      var api = window.BarcodeDetectionAPI;
      if (!api) { throw new Error('no barcode decoder'); }
      api.prepareZXingModule({
        overrides: {
          locateFile: function (path, prefix) { return /\.wasm$/.test(path) ? page.dataset.wasm : prefix + path; }
        }
      });
      return new api.BarcodeDetector({ formats: FORMATS });
    });
    detecting.catch(function () { detecting = null; });
    return detecting;
  }

  // getUserMedia's errors told apart for the registrar: denied (ask for the permission), no camera, or anything else.
  function reason(error) {
    var name = error && error.name ? error.name : String(error);
    if (/NotAllowedError|PermissionDeniedError|SecurityError/.test(name)) { return 'CAMERA_DENIED'; }
    if (/NotFoundError|DevicesNotFoundError|OverconstrainedError|NotReadableError|TrackStartError|AbortError/
      .test(name)) { return 'CAMERA_NONE'; }
    return 'CAMERA_FAILED';
  }

  function unlockAudio() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) {
      try { audio = new Context(); } catch (e) { audio = null; }
    }
    if (audio && audio.state === 'suspended') { audio.resume(); }
  }

  function beep() {
    if (audio) {
      try {
        var oscillator = audio.createOscillator();
        var gain = audio.createGain();
        oscillator.frequency.value = 1760;
        gain.gain.value = 0.15;
        oscillator.connect(gain);
        gain.connect(audio.destination);
        oscillator.start();
        oscillator.stop(audio.currentTime + 0.12);
      } catch (e) { /* sound is a courtesy */ }
    }
    if (navigator.vibrate) { navigator.vibrate(60); }
  }

  function flash() {
    box.classList.add('hit');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(function () { box.classList.remove('hit'); }, 400);
  }

  function decoded(text) {
    var now = Date.now();
    var held = text === last.text && now - last.at < HOLD_MS;
    last = { text: text, at: now };
    if (held) { return; }
    var count = Number(page.dataset.cameraScans || 0) + 1;
    page.dataset.cameraScans = String(count);
    beep();
    flash();
    page.dispatchEvent(new CustomEvent('frontline:scanned', { detail: { value: text, source: 'camera' } }));
  }

  // One picture at a time: the next is read FRAME_MS after this one is done, so a slow phone reads fewer pictures
  // instead of queueing them.
  function scan(detector, mine) {
    if (mine !== session || state !== 'on') { return; }
    var next = function () { timer = setTimeout(function () { scan(detector, mine); }, FRAME_MS); };
    if (!video || video.readyState < 2 || !video.videoWidth) { next(); return; }
    detector.detect(video).then(function (codes) {
      if (mine !== session) { return; }
      codes.forEach(function (code) { if (code.rawValue) { decoded(code.rawValue); } });
    }, function () { /* a picture that could not be read; the next one may be */ }).then(next);
  }

  function release() {
    clearTimeout(timer);
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
    if (video) {
      video.srcObject = null;
      video.remove();
    }
    video = null;
  }

  function open() {
    if (state !== 'off') { return; }
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say('bad', 'CAMERA_UNSUPPORTED');
      return;
    }
    unlockAudio();
    var mine = ++session;
    last = { text: null, at: 0 };
    setState('starting');
    say('wait', 'CAMERA_STARTING');
    var camera = navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } }
    });
    Promise.all([camera, makeDetector().catch(function (e) { e.name = 'DecoderError'; throw e; })])
      .then(function (both) {
        if (mine !== session) {
          both[0].getTracks().forEach(function (track) { track.stop(); });
          return;
        }
        stream = both[0];
        video = document.createElement('video');
        video.setAttribute('playsinline', '');
        video.muted = true;
        video.srcObject = stream;
        view.appendChild(video);
        return video.play().then(function () {
          if (mine !== session) { return; }
          setState('on');
          say('ok', 'CAMERA_ON');
          if (box.scrollIntoView) { box.scrollIntoView({ block: 'nearest' }); }
          scan(both[1], mine);
        });
      })
      .catch(function (error) {
        camera.then(function (s) { s.getTracks().forEach(function (track) { track.stop(); }); }, function () {});
        if (mine !== session) { return; }
        release();
        setState('off');
        say('bad', reason(error));
      });
  }

  function close() {
    session++;
    release();
    setState('off');
    say('idle', 'CAMERA_OFF');
  }

  openButton.addEventListener('click', open);
  closeButton.addEventListener('click', close);
  // Leaving the page, or putting it in the background, lets the camera go.
  window.addEventListener('pagehide', function () { if (state !== 'off') { close(); } });
  document.addEventListener('visibilitychange', function () {
    if (document.hidden && state !== 'off') { close(); }
  });
  page.dataset.camera = 'off';
}());
