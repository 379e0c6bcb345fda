// Camera scanning with the browser's BarcodeDetector where it exists; typing the reference always works.
(function () {
  'use strict';
  var start = document.getElementById('scanner-start');
  var box = document.getElementById('scanner');
  var video = document.getElementById('scanner-video');
  var note = document.getElementById('scanner-note');
  var form = document.getElementById('checkin-form');
  var input = document.getElementById('ref');
  if (!start || !form) return;
  var supported = 'BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  if (!supported) {
    note.textContent = 'This browser cannot scan QR codes; type the reference from the ticket.';
    return;
  }
  start.hidden = false;
  var stream = null;
  function stop() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    box.hidden = true;
  }
  start.addEventListener('click', function () {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf('qr_code') < 0) throw new Error('qr_code unsupported');
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
        stream = s;
        video.srcObject = s;
        box.hidden = false;
        start.hidden = true;
        note.textContent = 'Point the camera at the QR code on the ticket.';
        return video.play().then(function () {
          var busy = false;
          function tick() {
            if (!stream) return;
            if (!busy && video.readyState >= 2) {
              busy = true;
              detector.detect(video).then(function (codes) {
                busy = false;
                if (codes.length && codes[0].rawValue) {
                  input.value = codes[0].rawValue;
                  stop();
                  form.requestSubmit();
                  return;
                }
                requestAnimationFrame(tick);
              }, function () { busy = false; requestAnimationFrame(tick); });
              return;
            }
            requestAnimationFrame(tick);
          }
          tick();
        });
      });
    }).catch(function () {
      stop();
      start.hidden = true;
      note.textContent = 'The camera is not available here; type the reference from the ticket.';
    });
  });
})();
