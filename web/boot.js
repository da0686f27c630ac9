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

// go-app registers its service worker as the page starts; the worker's
// install downloads and stores every file of the site (5 MB), which took
// the processor from the page's first figures (100 ms of 1.4 s for 2,000
// functions on two cores). The registration waits for the first figures
// (the app calls plannerStarted once they are painted), 5 s at most.
(function () {
  "use strict";
  var container = navigator.serviceWorker;
  if (!container || typeof container.register !== "function") { return; }
  var register = container.register.bind(container);
  var started = new Promise(function (resolve) {
    window.plannerStarted = resolve;
    setTimeout(resolve, 5000);
  });
  container.register = function (url, options) {
    return started.then(function () { return register(url, options); });
  };
})();
