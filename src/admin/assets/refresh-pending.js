// While a test message is still on its way (queued, being sent, or accepted but not yet delivered),
// reload now and then so its delivery status shows up; give up after a couple of minutes.
(function () {
  'use strict';
  var s = document.querySelector('[data-test-status]');
  if (!s || !/^(queued|sending|sent)$/.test(s.getAttribute('data-test-status'))) {
    try { sessionStorage.removeItem('marquee-test-refreshes'); } catch (e) { /* storage may be off */ }
    return;
  }
  var n = 0;
  try { n = Number(sessionStorage.getItem('marquee-test-refreshes') || 0); sessionStorage.setItem('marquee-test-refreshes', String(n + 1)); } catch (e) { /* storage may be off */ }
  if (n < 30) setTimeout(function () { window.location.reload(); }, n < 5 ? 1500 : 4000);
})();
