// Camera scanning on the check-in page, where the browser can decode QR codes itself (BarcodeDetector:
// Chrome and Edge on Android, Samsung Internet). Elsewhere the button stays hidden and the code is typed,
// or a scanner app or a handheld scanner types it into the field.
(function () {
  'use strict';
  const button = document.getElementById('scan-start');
  const video = document.getElementById('scan-video');
  const input = document.getElementById('code');
  if (!button || !video || !input || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', async function () {
    let stream;
    try {
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      button.disabled = true;
      const look = async function () {
        const codes = await detector.detect(video);
        if (codes.length > 0) {
          stream.getTracks().forEach(function (track) { track.stop(); });
          input.value = codes[0].rawValue;
          input.form.requestSubmit();
          return;
        }
        window.requestAnimationFrame(look);
      };
      look();
    } catch (e) {
      if (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
      }
      video.hidden = true;
      button.disabled = false;
      button.textContent = button.dataset.failed;
    }
  });
})();
