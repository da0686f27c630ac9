// Runs before the app: repairs a damaged address so the app can read it.
// A "%" that does not start a valid escape ("/#s=%%%") is written "%25";
// the rest of the address is left as it is.
(function () {
  "use strict";
  try {
    var href = window.location.href;
    var fixed = href.replace(/%(?![0-9A-Fa-f]{2})/g, "%25");
    if (fixed !== href) {
      window.history.replaceState(window.history.state, "", fixed);
    }
  } catch (e) {
    // An address that cannot be repaired is left to the app's own checks.
  }
})();
