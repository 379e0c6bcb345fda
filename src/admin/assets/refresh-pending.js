// While a test message is still on its way, reload now and then so its delivery status shows up.
(function () {
  'use strict';
  var s = document.querySelector('[data-test-status]');
  if (s && /^(queued|sending)$/.test(s.getAttribute('data-test-status'))) {
    setTimeout(function () { window.location.reload(); }, 4000);
  }
})();
