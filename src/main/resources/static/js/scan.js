// The registrar's scanning page. Every scan becomes an event with a client-generated id, is written to IndexedDB
// first, and is sent in order; the server stores each event once however often it is sent, so a scan made offline
// or sent twice is never lost and never doubled.
(function () {
  'use strict';

  var page = document.getElementById('scan-page');
  if (!page) { return; }
  var api = page.dataset.api;
  var csrfToken = meta('_csrf');
  var csrfHeader = meta('_csrf_header');
  var roundSelect = document.getElementById('round');
  var siteSelect = document.getElementById('site');
  var poolSelect = document.getElementById('pool');
  var input = document.getElementById('scan-input');
  var answer = document.getElementById('answer');
  var answerText = document.getElementById('answer-text');
  var confirmButton = document.getElementById('confirm-resample');
  var history = document.getElementById('history');
  var pendingCount = document.getElementById('pending-count');
  var netStatus = document.getElementById('net-status');
  var tubeCode = document.getElementById('tube-code');
  var tubeCount = document.getElementById('tube-count');
  var messages = {};
  document.querySelectorAll('#messages li').forEach(function (li) { messages[li.dataset.key] = li.textContent; });

  var storeKey = 'frontline.scan.' + page.dataset.user;
  var state = load();
  var db = null;
  var flushing = false;
  // When the server turned the outbox away (429/503 with Retry-After) or could not be reached: not before this time
  // (ms), with a random part, so that the phones turned away together do not all come back in the same second.
  var notBefore = 0;
  var retryTimer = null;
  var resampleWho = null;
  var rows = {};

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey)) || {};
    } catch (e) {
      return {};
    }
  }

  function save() {
    localStorage.setItem(storeKey, JSON.stringify(state));
  }

  // An event id is a time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits.
  // Ids made close in time sit next to each other in the server's index of stored events, so storing a scan
  // touches a few index pages instead of a random one each time (less to write to the database's log).
  function uuid() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    var ms = Date.now();
    for (var i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open('frontline-scans', 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(mode, work) {
    return new Promise(function (resolve, reject) {
      var t = db.transaction('outbox', mode);
      var result = work(t.objectStore('outbox'));
      t.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
      t.onerror = function () { reject(t.error); };
    });
  }

  function all() {
    return new Promise(function (resolve, reject) {
      var request = db.transaction('outbox', 'readonly').objectStore('outbox').getAll();
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function refreshPending() {
    return all().then(function (items) {
      pendingCount.textContent = String(items.length);
      return items;
    });
  }

  function show(kind, text, withConfirm) {
    answer.className = 'answer ' + kind;
    answerText.textContent = text;
    confirmButton.classList.toggle('hidden', !withConfirm);
  }

  function renderTube() {
    tubeCode.textContent = state.tube || '—';
    tubeCount.textContent = (state.count || 0) + '/' + (state.pool || 0);
  }

  function setOnline(online) {
    netStatus.className = 'net ' + (online ? 'online' : 'offline');
    netStatus.textContent = online ? messages.ONLINE : messages.OFFLINE;
  }

  function historyRow(event, label) {
    var li = document.createElement('li');
    li.className = 'wait';
    li.dataset.eventId = event.eventId;
    var text = document.createElement('span');
    text.className = 'what';
    text.textContent = label;
    var status = document.createElement('span');
    status.className = 'status';
    status.textContent = messages.SAVED_OFFLINE;
    li.appendChild(text);
    li.appendChild(status);
    history.insertBefore(li, history.firstChild);
    while (history.children.length > 30) { history.removeChild(history.lastChild); }
    rows[event.eventId] = { li: li, status: status, event: event };
  }

  function reasonText(result) {
    var key = result.reason || result.status;
    var text = messages[key] || result.message || key;
    return text;
  }

  function apply(result) {
    var row = rows[result.eventId];
    var event = row ? row.event : null;
    var ok = result.status !== 'REJECTED';
    var text;
    if (result.status === 'DUPLICATE') {
      text = messages[result.reason === 'ALREADY_SEALED' ? 'ALREADY_SEALED' : 'DUPLICATE'];
    } else if (!ok) {
      text = reasonText(result) + (result.message && messages[result.reason] ? '' : '');
    } else if (event && event.type === 'SAMPLED') {
      text = (result.name || '') + ' ' + result.count + '/' + result.poolSize
        + (result.reason === 'RESAMPLED' ? ' · ' + messages.RESAMPLED : '');
    } else if (event && event.type === 'TUBE_OPENED') {
      text = messages[result.reason || 'TUBE_OPENED'] + ' ' + event.tubeCode;
    } else if (event && event.type === 'TUBE_SEALED') {
      text = messages.TUBE_SEALED_OK;
    } else if (event && event.type === 'SAMPLE_REMOVED') {
      text = messages.REMOVED + ' ' + (result.name || '');
    } else {
      text = messages.ACCEPTED;
    }
    if (result.count !== null && result.count !== undefined && event && event.tubeCode === state.tube
        && result.status === 'ACCEPTED') {
      state.count = result.count;
      if (result.poolSize) { state.pool = result.poolSize; }
      if (result.tubeStatus === 'SEALED') { state.sealed = true; }
      save();
      renderTube();
    }
    if (row) {
      row.li.className = ok ? 'ok' : 'bad';
      row.status.textContent = text;
      if (ok && event.type === 'SAMPLED' && result.status === 'ACCEPTED') {
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'link remove';
        remove.textContent = messages.REMOVE;
        remove.addEventListener('click', function () {
          remove.disabled = true;
          enqueue(Object.assign(base('SAMPLE_REMOVED'), who(event), { tubeCode: event.tubeCode }), messages.REMOVE);
        });
        row.li.appendChild(remove);
      }
    }
    var wantsConfirm = result.reason === 'ALREADY_SAMPLED' && event && event.type === 'SAMPLED';
    resampleWho = wantsConfirm ? { who: who(event), tubeCode: event.tubeCode } : null;
    show(ok ? 'ok' : 'bad', text, wantsConfirm);
  }

  function who(event) {
    return event.personCode ? { personCode: event.personCode } : { idNumber: event.idNumber };
  }

  function base(type) {
    return { eventId: uuid(), type: type, at: new Date().toISOString() };
  }

  function enqueue(event, label) {
    historyRow(event, label);
    return tx('readwrite', function (store) { return store.add({ event: event }); })
      .then(refreshPending)
      .then(flush);
  }

  function later(seconds) {
    notBefore = Date.now() + seconds * 1000 + Math.floor(Math.random() * 1000);
    if (retryTimer) { clearTimeout(retryTimer); }
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, notBefore - Date.now());
  }

  function flush() {
    if (flushing || Date.now() < notBefore) { return Promise.resolve(); }
    flushing = true;
    return all().then(function (items) {
      if (items.length === 0) { return null; }
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      if (csrfHeader && csrfToken) { headers[csrfHeader] = csrfToken; }
      var batch = items.slice(0, 500);
      return fetch(api, {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: JSON.stringify({ deviceId: 'web-' + page.dataset.user, events: batch.map(function (i) { return i.event; }) })
      }).then(function (response) {
        if (response.status === 429 || response.status === 503) {
          // Kept in the outbox and sent again after the delay the server asked for.
          later(Math.max(1, Number(response.headers.get('Retry-After')) || 1));
          setOnline(true);
          show('wait', messages.BUSY + ' · ' + pendingCount.textContent, false);
          return 'busy';
        }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      }).then(function (body) {
        if (body === 'busy') { return null; }
        setOnline(true);
        var sent = batch.map(function (i) { return i.seq; });
        return tx('readwrite', function (store) { sent.forEach(function (seq) { store.delete(seq); }); })
          .then(function () {
            body.results.forEach(apply);
            return refreshPending();
          })
          .then(function (left) { return left.length > 0 ? 'more' : null; });
      });
    }).catch(function () {
      setOnline(false);
      later(1 + Math.random() * 2);
      if (answer.classList.contains('idle') || answer.classList.contains('wait')) {
        show('wait', messages.SAVED_OFFLINE + ' · ' + pendingCount.textContent, false);
      }
      return null;
    }).then(function (more) {
      flushing = false;
      if (more === 'more') { return flush(); }
      return null;
    });
  }

  // Something the camera sees is not always aimed at: only what looks like a personal code, an ID number or a tube
  // code (the server's rule) is taken from it, so a poster's QR code never opens a tube.
  function looksScannable(value) {
    return /^FL1\./.test(value) || /^\d{17}[\dXx]$/.test(value) || /^[A-Za-z0-9-]{1,40}$/.test(value);
  }

  function scanned(raw, source) {
    var value = (raw || '').trim();
    if (!value) { return; }
    if (source === 'camera' && !looksScannable(value)) {
      show('bad', messages.NOT_A_CODE, false);
      return;
    }
    if (!siteSelect.value || !roundSelect.value) {
      show('bad', messages.NO_SITE, false);
      return;
    }
    if (/^FL1\./.test(value)) {
      sample({ personCode: value }, value.substring(0, 12) + '…');
    } else if (/^\d{17}[\dXx]$/.test(value)) {
      sample({ idNumber: value.toUpperCase() }, value.substring(0, 6) + '********' + value.substring(14));
    } else {
      openTube(value);
    }
  }

  function openTube(code) {
    state.tube = code;
    state.count = 0;
    state.pool = Number(poolSelect.value);
    state.sealed = false;
    save();
    renderTube();
    var event = Object.assign(base('TUBE_OPENED'), {
      roundId: Number(roundSelect.value), siteId: Number(siteSelect.value), tubeCode: code, poolSize: state.pool
    });
    show('wait', messages.SAVED_OFFLINE, false);
    enqueue(event, code);
  }

  function sample(person, label, resample) {
    if (!state.tube) {
      show('bad', messages.NO_TUBE, false);
      return;
    }
    var event = Object.assign(base('SAMPLED'), person, { tubeCode: state.tube });
    if (resample) { event.resample = true; }
    show('wait', messages.SAVED_OFFLINE, false);
    enqueue(event, label);
  }

  document.getElementById('scan-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var value = input.value;
    input.value = '';
    scanned(value);
    input.focus();
  });

  // The camera (scan-camera.js) hands each decoded code over here, into the same path as a scanner's input.
  page.addEventListener('frontline:scanned', function (e) {
    scanned(e.detail && e.detail.value, e.detail && e.detail.source);
  });

  document.getElementById('id-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var field = document.getElementById('id-number');
    var value = field.value.trim();
    field.value = '';
    if (value) {
      sample({ idNumber: value.toUpperCase() }, value.substring(0, 6) + '********' + value.substring(14));
    }
    input.focus();
  });

  document.getElementById('seal').addEventListener('click', function () {
    if (!state.tube) {
      show('bad', messages.NO_TUBE, false);
      return;
    }
    enqueue(Object.assign(base('TUBE_SEALED'), { tubeCode: state.tube }), state.tube);
    input.focus();
  });

  confirmButton.addEventListener('click', function () {
    if (resampleWho) {
      var event = Object.assign(base('SAMPLED'), resampleWho.who, { tubeCode: resampleWho.tubeCode, resample: true });
      show('wait', messages.SAVED_OFFLINE, false);
      enqueue(event, messages.RESAMPLED);
    }
    input.focus();
  });

  [roundSelect, siteSelect].forEach(function (select) {
    select.addEventListener('change', function () {
      state.round = roundSelect.value;
      state.site = siteSelect.value;
      save();
    });
  });
  if (state.round) { roundSelect.value = state.round; }
  if (state.site) { siteSelect.value = state.site; }
  // A new tube pools the round's number of people unless the registrar picks another (a single tube for a person in
  // a lockdown zone, whose scan the server refuses in a pooled tube).
  function roundPool() {
    var option = roundSelect.options[roundSelect.selectedIndex];
    if (option && option.dataset.pool) { poolSelect.value = option.dataset.pool; }
  }
  roundSelect.addEventListener('change', roundPool);
  roundPool();

  window.addEventListener('online', function () { setOnline(true); flush(); });
  window.addEventListener('offline', function () { setOnline(false); });

  renderTube();
  openDb().then(function (opened) {
    db = opened;
    return refreshPending();
  }).then(function () {
    setInterval(flush, 3000);
    return flush();
  });
}());
