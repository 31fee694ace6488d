// The receipt page: copy the private link, print. Without JavaScript the link is selectable text.
(function () {
  var input = document.getElementById('private-link-text');
  var copy = document.getElementById('copy-link');
  var status = document.getElementById('copy-status');
  if (copy && input) {
    copy.addEventListener('click', function () {
      input.select();
      var done = function () { status.textContent = copy.getAttribute('data-copied'); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  }
  var print = document.getElementById('print-receipt');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
})();
