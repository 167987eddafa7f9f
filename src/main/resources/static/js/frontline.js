// What every page shares. Live parts are htmx polls (hx-get with hx-trigger="every 10s"): when a poll fails (a flaky
// network, the server restarting) the element named by the nearest data-offline shows and the last figures stay;
// the next poll that succeeds hides it again. A poll answered with the sign-in page (the session ended) reloads the
// page instead of showing the sign-in form inside it.
(function () {
  'use strict';

  function notice(event) {
    var source = event.detail && event.detail.elt;
    var holder = source && source.closest ? source.closest('[data-offline]') : null;
    return holder ? document.querySelector(holder.getAttribute('data-offline')) : null;
  }

  function offline(event, on) {
    var el = notice(event);
    if (el) { el.classList.toggle('hidden', !on); }
  }

  document.addEventListener('htmx:sendError', function (event) { offline(event, true); });
  document.addEventListener('htmx:responseError', function (event) { offline(event, true); });
  document.addEventListener('htmx:timeout', function (event) { offline(event, true); });
  document.addEventListener('htmx:beforeSwap', function (event) {
    var url = event.detail.xhr && event.detail.xhr.responseURL;
    if (url && /\/login(\?|$)/.test(url)) {
      event.detail.shouldSwap = false;
      window.location.reload();
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful) { offline(event, false); }
  });
}());
