// Opens a transcript at its newest message.
(function () {
  'use strict';
  var t = document.getElementById('transcript');
  if (t) t.scrollTop = t.scrollHeight;
})();
