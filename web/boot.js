// Runs before the app: repairs a damaged address so the app can read it, and
// queues the charts the app draws before planner.js (deferred) has loaded.
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

// planner.js takes these over when it loads.
window.plannerCharts = {
  queue: new Map(),
  render: function (el, json) { this.queue.set(el, json); },
  dispose: function (el) { this.queue.delete(el); }
};
