// Camera scanning for the registrar's page: the phone's rear camera decodes QR codes continuously and hands each
// code to scan.js through a 'frontline:scanned' event, the same path as a scanner's input. Decoding is
// html5-qrcode's: the browser's BarcodeDetector where present, its bundled ZXing otherwise. A code held in front of
// the camera is taken once: the same payload is ignored until it has been out of sight for HOLD_MS. Without a
// camera, or without permission, the page says so and the scanner and typing keep working.
(function () {
  'use strict';

  var HOLD_MS = 2000;
  var page = document.getElementById('scan-page');
  var openButton = document.getElementById('camera-open');
  if (!page || !openButton) { return; }
  var closeButton = document.getElementById('camera-close');
  var box = document.getElementById('camera');
  var status = document.getElementById('camera-status');
  var messages = {};
  document.querySelectorAll('#messages li').forEach(function (li) { messages[li.dataset.key] = li.textContent; });

  var camera = null;
  var pending = null;
  var state = 'off';
  var wanted = false;
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

  function library() {
    return window.__Html5QrcodeLibrary__;
  }

  // getUserMedia's errors, as html5-qrcode passes them on ("... error = NotAllowedError: ..."), told apart for the
  // registrar: denied (ask for the permission), no camera, or anything else.
  function reason(error) {
    var text = String(error && error.name ? error.name + ': ' + error.message : error);
    if (/NotAllowedError|PermissionDeniedError|SecurityError|Permission denied/i.test(text)) { return 'CAMERA_DENIED'; }
    if (/NotFoundError|DevicesNotFoundError|OverconstrainedError|NotReadableError|TrackStartError|AbortError/i
      .test(text)) { return 'CAMERA_NONE'; }
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

  function open() {
    if (state !== 'off' || pending) { return; }
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say('bad', 'CAMERA_UNSUPPORTED');
      return;
    }
    var lib = library();
    if (!lib) {
      say('bad', 'CAMERA_FAILED');
      return;
    }
    unlockAudio();
    wanted = true;
    last = { text: null, at: 0 };
    setState('starting');
    say('wait', 'CAMERA_STARTING');
    var formats = lib.Html5QrcodeSupportedFormats;
    var starting;
    try {
      starting = new lib.Html5Qrcode('camera-view', {
        verbose: false,
        formatsToSupport: [formats.QR_CODE],
        experimentalFeatures: { useBarCodeDetectorIfSupported: true }
      });
      camera = starting;
      var noCodeInThisFrame = function () {};
      pending = starting.start({ facingMode: 'environment' }, { fps: 8, disableFlip: true }, decoded, noCodeInThisFrame)
        .then(function () {
          pending = null;
          if (camera !== starting || !wanted) {
            stop(starting);
            return;
          }
          setState('on');
          say('ok', 'CAMERA_ON');
          if (box.scrollIntoView) { box.scrollIntoView({ block: 'nearest' }); }
        })
        .catch(function (error) {
          pending = null;
          releaseTracks();
          if (camera !== starting || !wanted) { return; }
          camera = null;
          setState('off');
          say('bad', reason(error));
        });
    } catch (error) {
      pending = null;
      camera = null;
      setState('off');
      say('bad', reason(error));
    }
  }

  // Every track of the camera's stream ends, whatever state html5-qrcode thinks it is in: the phone's camera light
  // goes off.
  function releaseTracks() {
    box.querySelectorAll('video').forEach(function (video) {
      var stream = video.srcObject;
      if (stream && stream.getTracks) { stream.getTracks().forEach(function (track) { track.stop(); }); }
      video.srcObject = null;
    });
  }

  function stop(scanner) {
    var stopping;
    try {
      stopping = scanner.stop();
    } catch (e) {
      stopping = Promise.resolve();
    }
    releaseTracks();
    return Promise.resolve(stopping).catch(function () { return null; }).then(function () {
      releaseTracks();
      try { scanner.clear(); } catch (e) { /* already cleared */ }
    });
  }

  function close() {
    wanted = false;
    var scanner = camera;
    camera = null;
    var wasStarting = state === 'starting';
    setState('off');
    if (scanner && !wasStarting) {
      say('idle', 'CAMERA_OFF');
      return stop(scanner);
    }
    // Still starting: start()'s promise sees that nobody wants the camera any more and stops it.
    say('idle', 'CAMERA_OFF');
    releaseTracks();
    return Promise.resolve();
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
