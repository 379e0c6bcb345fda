// Small progressive enhancements; every page works without them.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var t = e.target.closest('[data-nav-toggle]');
    if (t) {
      var side = document.getElementById('sidebar');
      var open = side.classList.toggle('open');
      t.setAttribute('aria-expanded', String(open));
      return;
    }
    var copy = e.target.closest('[data-copy]');
    if (copy) {
      var src = document.getElementById(copy.getAttribute('data-copy'));
      if (src && navigator.clipboard) {
        navigator.clipboard.writeText(src.textContent.trim()).then(function () { copy.textContent = 'Copied'; });
      }
    }
  });
  // Destructive forms ask first (cancel a booking, revoke a token).
  document.addEventListener('submit', function (e) {
    var f = e.target;
    var q = f.getAttribute('data-confirm');
    if (q && !window.confirm(q)) e.preventDefault();
  });
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.hasAttribute && el.hasAttribute('data-autosubmit') && el.form) el.form.requestSubmit();
  });
})();
