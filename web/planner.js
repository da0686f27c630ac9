// Draws the planner's charts with ECharts and offers downloads. Options are
// built in Go; this file only hands them to ECharts, resizes charts with
// their container, and renders every tooltip as escaped text.
(function () {
  "use strict";

  var escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(s) {
    return String(s === undefined || s === null ? "" : s).replace(/[&<>"']/g, function (c) { return escapes[c]; });
  }
  function fmt(v) {
    if (Array.isArray(v)) {
      return v.map(fmt).join(", ");
    }
    if (typeof v === "number") {
      return v.toLocaleString("en-US", { maximumFractionDigits: 4 });
    }
    return esc(v);
  }
  // The marker ECharts draws is a coloured dot: rebuilt here from the colour
  // alone so that no markup from the option reaches the page.
  function marker(p) {
    var color = typeof p.color === "string" && /^#[0-9a-fA-F]{3,8}$/.test(p.color) ? p.color : "#999";
    return '<span class="tt-dot" data-color="' + esc(color) + '"></span>';
  }
  function tooltip(params) {
    var list = Array.isArray(params) ? params : [params];
    if (!list.length) {
      return "";
    }
    var first = list[0];
    var head = (first.data && first.data.name) || first.axisValueLabel || first.name || "";
    // A point may carry a tip, text shown instead of its value; an empty
    // tip leaves the point out (the hidden lower edge of a band), as does
    // a gap ("-": the history has no value in the forecast's hours).
    var lines = list.filter(function (p) {
      return p.value !== "-" && !(p.data && p.data.tip === "");
    }).map(function (p) {
      var shown = p.data && typeof p.data.tip === "string" ? esc(p.data.tip) : fmt(p.value);
      return marker(p) + esc(p.seriesName) + ": <b>" + shown + "</b>";
    });
    return '<div class="tt-head">' + esc(head) + "</div>" + lines.join("<br>");
  }
  // CSP forbids inline styles: the dots get their colour through the CSSOM.
  function paintDots(root) {
    if (root.matches && root.matches(".tt-dot[data-color]")) {
      root.style.backgroundColor = root.getAttribute("data-color");
    }
    var dots = root.querySelectorAll(".tt-dot[data-color]");
    for (var i = 0; i < dots.length; i++) {
      dots[i].style.backgroundColor = dots[i].getAttribute("data-color");
    }
  }

  // Charts are drawn in the next animation frames, after the figures: an
  // edit shows its numbers at once and its charts from the next frame on,
  // one chart a frame (drawing several at once was one long task). Only the
  // latest option of each chart is drawn.
  var pending = new Map();
  var scheduled = false;
  function schedule() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(flush);
    }
  }
  // ECharts (beside this file) is loaded when the first chart is drawn, so
  // that it never shares the connection with app.wasm on a first visit.
  var echartsURL = document.currentScript ? document.currentScript.src.replace(/planner\.js(\?.*)?$/, "echarts.min.js") : "";
  var echartsLoading = false;
  function loadECharts() {
    if (echartsLoading || !echartsURL) {
      return;
    }
    echartsLoading = true;
    var script = document.createElement("script");
    script.src = echartsURL;
    script.onload = schedule;
    script.onerror = function () { echartsLoading = false; };
    document.head.appendChild(script);
  }
  function flush() {
    scheduled = false;
    if (!window.echarts) {
      loadECharts(); // drawn once it has loaded
      return;
    }
    if (pending.size === 0) {
      return;
    }
    var next = pending.entries().next().value;
    pending.delete(next[0]);
    draw(next[0], next[1]);
    if (pending.size > 0) {
      schedule();
    }
  }

  // The dark theme follows the system's; a change redraws every chart.
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (dark && dark.addEventListener) {
    dark.addEventListener("change", function () {
      document.querySelectorAll('.chart[data-drawn="1"]').forEach(function (el) {
        var chart = window.echarts && window.echarts.getInstanceByDom(el);
        if (chart) {
          chart.dispose();
        }
        if (el.plannerOption) {
          pending.set(el, el.plannerOption);
        }
      });
      schedule();
    });
  }

  function draw(el, json) {
    if (!el || !el.isConnected) {
      return;
    }
    var opt;
    try {
      opt = JSON.parse(json);
    } catch (e) {
      return;
    }
    var isDark = dark && dark.matches;
    var drawn = window.echarts.getInstanceByDom(el);
    if (drawn && el.plannerOption === json) {
      return; // unchanged: an edit that moves other figures only
    }
    var chart = drawn || window.echarts.init(el, isDark ? "dark" : null, { renderer: "canvas" });
    if (isDark) {
      opt.backgroundColor = "transparent"; // the page's own background
    }
    el.plannerOption = json;
    opt.tooltip = Object.assign({}, opt.tooltip || {}, { formatter: tooltip, confine: true, className: "planner-tooltip" });
    // A redraw merges into the chart drawn (its series and axes replaced
    // whole, so none is left over) instead of building it again.
    chart.setOption(opt, drawn ? { replaceMerge: ["series", "xAxis", "yAxis"] } : true);
    if (!el.plannerResize && window.ResizeObserver) {
      el.plannerResize = new ResizeObserver(function () { chart.resize(); });
      el.plannerResize.observe(el);
    }
    el.setAttribute("data-drawn", "1");
  }

  // Charts the app asked for before this file loaded (queued by boot.js).
  var early = window.plannerCharts && window.plannerCharts.queue;
  window.plannerCharts = {
    render: function (el, json) {
      pending.set(el, json);
      schedule();
    },
    dispose: function (el) {
      pending.delete(el);
      var chart = window.echarts && el && window.echarts.getInstanceByDom(el);
      if (chart) {
        chart.dispose();
      }
      if (el && el.plannerResize) {
        el.plannerResize.disconnect();
        el.plannerResize = null;
      }
    }
  };
  if (early) {
    early.forEach(function (json, el) { window.plannerCharts.render(el, json); });
  }

  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeType === 1) {
          paintDots(n);
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  window.plannerDownload = function (name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };
})();

// Share links. The address bar follows edits (debounced), so copying it
// shares the current scenario; replaceState adds no history entry per
// keystroke. The app hands over a link's prefix and JSON document; the
// browser raw-deflates it (CompressionStream) and appends it in base64url,
// the format the app and `planner open` read.
(function () {
  "use strict";
  var latest = 0;

  function base64url(bytes) {
    var bin = "";
    for (var i = 0; i < bytes.length; i++) {
      bin += String.fromCharCode(bytes[i]);
    }
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // fragmentOf is the link's fragment: the scenario, then place (the view
  // and function shown, "view=…&fn=…") when given.
  function fragmentOf(prefix, doc, place) {
    if (typeof CompressionStream !== "function") {
      return Promise.reject(new Error("this browser cannot compress links"));
    }
    var stream = new Blob([doc]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) {
      return prefix + base64url(new Uint8Array(buf)) + (place ? "&" + place : "");
    });
  }

  function setAddress(link) {
    try {
      window.history.replaceState(window.history.state, "", link);
    } catch (e) {
      // An address the browser refuses stays as it was.
    }
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return false; });
    }
    return Promise.resolve(false);
  }

  // plannerYield calls done in a task of its own, queued behind what the
  // browser has waiting (input, painting): long work in the app yields to
  // the page so. A message, not a timer: no 4 ms clamp.
  var yields = new MessageChannel(), yielded = [];
  yields.port1.onmessage = function () {
    var done = yielded.shift();
    if (done) done();
  };
  window.plannerYield = function (done) {
    yielded.push(done);
    yields.port2.postMessage(0);
  };

  // plannerAfterPaint calls done once the browser has painted what the page
  // shows now: the next frame, then a task after it.
  window.plannerAfterPaint = function (done) {
    requestAnimationFrame(function () { setTimeout(done, 0); });
  };

  // plannerFollow puts the scenario's link in the address bar (the app
  // calls it after a pause in the edits); of several pending calls only the
  // latest lands, and none over a link pasted into the address bar while
  // it was written (the app opens that one).
  window.plannerFollow = function (prefix, doc, place) {
    var mine = ++latest, from = window.location.hash;
    fragmentOf(prefix, doc, place).then(function (fragment) {
      if (mine === latest && window.location.hash === from) {
        setAddress("#" + fragment);
      }
    }, function () {});
  };

  // plannerShare puts the scenario's link in the address bar and copies
  // it; it resolves to [link, copied].
  window.plannerShare = function (prefix, doc, place) {
    latest++;
    return fragmentOf(prefix, doc, place).then(function (fragment) {
      var link = window.location.href.split("#")[0] + "#" + fragment;
      setAddress(link);
      return copy(link).then(function (copied) { return [link, copied]; });
    });
  };
})();

// Files dragged over the page: show that a drop opens them (the app reads
// the drop itself).
(function () {
  function carriesFiles(e) {
    return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], "Files") >= 0;
  }
  document.addEventListener("dragover", function (e) {
    if (carriesFiles(e)) {
      e.preventDefault();
      document.documentElement.classList.add("dragging");
    }
  });
  document.addEventListener("dragleave", function (e) {
    if (!e.relatedTarget) document.documentElement.classList.remove("dragging");
  });
  document.addEventListener("drop", function () {
    document.documentElement.classList.remove("dragging");
  });
})();

// The interop worker (web/interop-worker.js), started on first use:
// plannerInterop(requestJSON, done, progress) calls done(responseJSON) when
// the worker answers, and progress(fraction) as long work goes on; it
// returns the call's id. plannerInteropCancel(id) stops that call: the
// worker is ended (long work cannot be interrupted otherwise), the call
// answers {"cancelled": true} and the other calls go to a new worker.
(function () {
  var base = document.currentScript ? document.currentScript.src : location.href;
  var worker = null, next = 0, waiting = {};
  function start() {
    worker = new Worker(new URL("interop-worker.js", base));
    worker.onmessage = function (e) {
      var call = waiting[e.data.id];
      if (!call) {
        return;
      }
      if (e.data.progress !== undefined) {
        if (call.progress) call.progress(e.data.progress);
        return;
      }
      delete waiting[e.data.id];
      call.done(e.data.response);
    };
    worker.onerror = function (e) {
      var message = JSON.stringify({ problems: "the interop worker failed: " + (e.message || "unknown error") });
      Object.keys(waiting).forEach(function (id) { var call = waiting[id]; delete waiting[id]; call.done(message); });
      worker = null;
    };
  }
  window.plannerInterop = function (request, done, progress) {
    if (!worker) {
      start();
    }
    var id = ++next;
    waiting[id] = { request: request, done: done, progress: progress };
    worker.postMessage({ id: id, request: request });
    return id;
  };
  window.plannerInteropCancel = function (id) {
    var call = waiting[id];
    if (!call || !worker) {
      return;
    }
    delete waiting[id];
    worker.terminate();
    start();
    Object.keys(waiting).forEach(function (other) { worker.postMessage({ id: Number(other), request: waiting[other].request }); });
    call.done(JSON.stringify({ cancelled: true }));
  };
})();

// The service worker's first precache waits for the page to be ready
// (app-worker.js): tell it, until it has installed.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) {
    return;
  }
  var tries = 0;
  var timer = window.setInterval(function () {
    if (!document.querySelector('#planner[data-ready="1"]')) {
      return;
    }
    navigator.serviceWorker.getRegistration().then(function (r) {
      var installing = r && (r.installing || r.waiting);
      if (installing) {
        installing.postMessage({ type: "planner:ready" });
      }
      if ((r && r.active) || ++tries > 40) {
        window.clearInterval(timer);
      }
    });
  }, 250);
})();
