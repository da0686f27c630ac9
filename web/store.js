// The planner's saved scenarios, one IndexedDB record each: a save, rename
// or delete touches its own record only, in one transaction, so two tabs
// never write back stale copies of each other's saves. Every write is read
// back before it is reported done. Tabs tell each other of their changes
// (BroadcastChannel). Whatever cannot be read is set aside, byte for byte,
// under a key nothing else uses.
(function () {
  "use strict";
  var DB = "planner", VERSION = 2, SAVED = "saved", ASIDE = "aside", AUTOSAVES = "autosaves";
  var KEPT_AUTOSAVES = 20; // the newest tabs' unsaved work kept
  var LEGACY = "planner.library.v1", BACKUP = "serverless-planner-backup";
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("planner-store") : null;
  var opening = null;

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function done(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error("the write was cancelled")); };
    });
  }
  function reason(e) {
    if (e && e.name === "QuotaExceededError") { return "the browser's storage for this site is full"; }
    return (e && (e.message || e.name)) || String(e);
  }
  function uid() {
    var a = new Uint8Array(8);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function now() { return new Date().toISOString().replace(/\.\d+Z$/, "Z"); }
  function tell() { if (channel) { channel.postMessage("changed"); } }

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        if (!window.indexedDB) { reject(new Error("this browser keeps no IndexedDB")); return; }
        var r = indexedDB.open(DB, VERSION);
        r.onupgradeneeded = function () {
          var db = r.result;
          if (!db.objectStoreNames.contains(SAVED)) {
            db.createObjectStore(SAVED, { keyPath: "id" }).createIndex("name", "name", { unique: true });
          }
          if (!db.objectStoreNames.contains(ASIDE)) { db.createObjectStore(ASIDE, { keyPath: "id" }); }
          if (!db.objectStoreNames.contains(AUTOSAVES)) { db.createObjectStore(AUTOSAVES, { keyPath: "id" }); }
        };
        r.onsuccess = function () {
          var db = r.result;
          db.onversionchange = function () { db.close(); opening = null; };
          resolve(db);
        };
        r.onerror = function () { reject(r.error); };
        r.onblocked = function () { reject(new Error("another tab holds an older version of the planner's storage open")); };
      }).then(migrate).catch(function (e) { opening = null; throw e; });
    }
    return opening;
  }

  // freeName is base, or "base (2)", "base (3)" … not among names.
  function freeName(names, base) {
    var name = base;
    for (var i = 2; names.indexOf(name) >= 0; i++) { name = base + " (" + i + ")"; }
    return name;
  }

  // migrate moves the scenarios saved under localStorage's key (and the
  // copies kept of damaged entries) into their records, then removes the
  // key: only once the records are written.
  function migrate(db) {
    var ls;
    try { ls = window.localStorage; } catch (e) { return db; }
    if (!ls) { return db; }
    var keys = [LEGACY, LEGACY + ".damaged", "planner.current.v1.damaged"].filter(function (k) { return ls.getItem(k) !== null; });
    if (keys.length === 0) { return db; }
    var tx = db.transaction([SAVED, ASIDE], "readwrite");
    var saved = tx.objectStore(SAVED), aside = tx.objectStore(ASIDE);
    return request(saved.getAll()).then(function (records) {
      var names = records.map(function (r) { return r.name; });
      keys.forEach(function (key) {
        var raw = ls.getItem(key), entries = null;
        if (key === LEGACY) {
          try { entries = JSON.parse(raw); } catch (e) { entries = null; }
        }
        if (!Array.isArray(entries)) {
          aside.add({ id: key + "@" + now() + "#" + uid(), from: key, reason: key === LEGACY ? "not a list of saved scenarios" : "kept aside by an earlier version", kept_at: now(), text: raw });
          return;
        }
        entries.forEach(function (e, i) {
          var ok = e && typeof e.name === "string" && e.name !== "" && e.scenario && typeof e.scenario === "object";
          if (!ok) {
            aside.add({ id: key + "[" + i + "]@" + now() + "#" + uid(), from: key + "[" + i + "]", reason: "not a saved scenario", kept_at: now(), text: JSON.stringify(e) });
            return;
          }
          var text = JSON.stringify(e.scenario);
          if (records.some(function (r) { return r.name === e.name && r.text === text; })) {
            return; // moved already (by another tab, or a visit whose removal of the key failed)
          }
          var name = freeName(names, e.name);
          names.push(name);
          saved.add({ id: uid(), name: name, saved_at: e.saved_at || now(), text: text });
        });
      });
      return done(tx);
    }).then(function () {
      keys.forEach(function (k) { ls.removeItem(k); });
      tell();
      return db;
    }, function () { return db; }); // the key stays for the next visit
  }

  // readBack resolves with the record stored under id when its text is
  // text, and rejects otherwise.
  function readBack(db, store, id, text) {
    return request(db.transaction(store).objectStore(store).get(id)).then(function (r) {
      if (!r || r.text !== text) { throw new Error("it was not there when read back"); }
      return r;
    });
  }

  // textOf is a record's text as a string (a damaged record's too).
  function textOf(r) { return typeof r.text === "string" ? r.text : String(JSON.stringify(r.text)); }

  function meta(r) { return { id: r.id, name: r.name, saved_at: r.saved_at }; }

  // tab is this tab's ID, kept across its reloads.
  var tab = (function () {
    try {
      var id = sessionStorage.getItem("planner.tab");
      if (!id) { id = uid(); sessionStorage.setItem("planner.tab", id); }
      return id;
    } catch (e) { return uid(); }
  })();

  window.plannerStore = {
    // list: the saved records and other tabs' unsaved work (with their
    // text and its length), and the set-aside records (without it), each
    // sorted. An object, not JSON: the app copies a text only when it uses
    // it (ten 2,000-function scenarios are 23 MB).
    list: function () {
      return open().then(function (db) {
        var tx = db.transaction([SAVED, ASIDE, AUTOSAVES]);
        return Promise.all([request(tx.objectStore(SAVED).getAll()), request(tx.objectStore(ASIDE).getAll()),
          request(tx.objectStore(AUTOSAVES).getAll())]);
      }).then(function (all) {
        var others = all[2].filter(function (r) { return r.id !== tab; })
          .map(function (r) { var t = textOf(r); return { id: r.id, saved_at: r.updated_at, text: t, size: t.length }; })
          .sort(function (a, b) { return a.saved_at < b.saved_at ? 1 : -1; });
        var saved = all[0].map(function (r) { var t = textOf(r); return { id: r.id, name: r.name, saved_at: r.saved_at, text: t, size: t.length }; })
          .sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
        var aside = all[1].map(function (r) { return { id: r.id, from: r.from, reason: r.reason, kept_at: r.kept_at, size: r.text.length }; })
          .sort(function (a, b) { return a.kept_at < b.kept_at ? -1 : 1; });
        return { saved: saved, aside: aside, others: others };
      }).catch(function (e) { throw reason(e); });
    },
    // save stores text under name: in place of the scenario of that name,
    // or under a free name made from name when keep is set.
    save: function (name, text, keep) {
      var db, id, stored;
      return open().then(function (d) {
        db = d;
        var tx = db.transaction(SAVED, "readwrite"), store = tx.objectStore(SAVED);
        return request(store.getAll()).then(function (records) {
          var same = records.filter(function (r) { return r.name === name; })[0];
          if (keep) {
            name = freeName(records.map(function (r) { return r.name; }), name);
            same = null;
          }
          id = same ? same.id : uid();
          stored = { id: id, name: name, saved_at: now(), text: text };
          store.put(stored);
          return done(tx);
        });
      }).then(function () { return readBack(db, SAVED, id, text); })
        .then(function (r) { tell(); return JSON.stringify(meta(r)); })
        .catch(function (e) { throw reason(e); });
    },
    // rename gives record id a name no other record has.
    rename: function (id, name) {
      var db;
      return open().then(function (d) {
        db = d;
        var tx = db.transaction(SAVED, "readwrite"), store = tx.objectStore(SAVED);
        return request(store.index("name").get(name)).then(function (other) {
          if (other && other.id !== id) { throw new Error("a scenario named “" + name + "” exists already"); }
          return request(store.get(id));
        }).then(function (r) {
          if (!r) { throw new Error("it was deleted in another tab"); }
          r.name = name;
          store.put(r);
          return done(tx);
        });
      }).then(function () {
        return request(db.transaction(SAVED).objectStore(SAVED).get(id));
      }).then(function (r) {
        if (!r || r.name !== name) { throw new Error("it was not renamed when read back"); }
        tell();
      }).catch(function (e) { throw reason(e); });
    },
    // remove deletes a record of one store: "saved", "aside" or
    // "autosaves" (another tab's unsaved work).
    remove: function (id, from) {
      var db, store = [SAVED, ASIDE, AUTOSAVES].indexOf(from) >= 0 ? from : SAVED;
      return open().then(function (d) {
        db = d;
        var tx = db.transaction(store, "readwrite");
        tx.objectStore(store).delete(id);
        return done(tx);
      }).then(function () {
        return request(db.transaction(store).objectStore(store).get(id));
      }).then(function (r) {
        if (r) { throw new Error("it was still there when read back"); }
        tell();
      }).catch(function (e) { throw reason(e); });
    },
    // setAside keeps text that could not be read, under a new key.
    setAside: function (from, why, text) {
      var db, id = from + "@" + now() + "#" + uid();
      return open().then(function (d) {
        db = d;
        var tx = db.transaction(ASIDE, "readwrite");
        tx.objectStore(ASIDE).add({ id: id, from: from, reason: why, kept_at: now(), text: text });
        return done(tx);
      }).then(function () { return readBack(db, ASIDE, id, text); })
        .then(function () { tell(); return id; })
        .catch(function (e) { throw reason(e); });
    },
    // backup is every saved scenario as one file (the CLI's planner/model/
    // backup): each scenario as JSON, or as the text it was stored as when
    // that is not JSON.
    backup: function () {
      return open().then(function (db) {
        return request(db.transaction(SAVED).objectStore(SAVED).getAll());
      }).then(function (records) {
        var scenarios = records.sort(function (a, b) { return a.name < b.name ? -1 : 1; }).map(function (r) {
          var scenario;
          try { scenario = JSON.parse(r.text); } catch (e) { scenario = r.text; }
          return { name: r.name, saved_at: r.saved_at, scenario: scenario };
        });
        return JSON.stringify({ format: BACKUP, version: 1, saved_at: now(), scenarios: scenarios }, null, 1);
      }).catch(function (e) { throw reason(e); });
    },
    // restore adds a backup file's scenarios in one transaction,
    // overwriting none: one saved already (same name or a "(from backup)"
    // name made from it, same scenario) is skipped; one whose name is taken
    // is added under a free "(from backup)" name. A file that is no backup
    // adds nothing.
    restore: function (file) {
      var db, added = [], counts = { added: 0, same: 0, beside: 0 };
      function norm(text) { try { return JSON.stringify(JSON.parse(text)); } catch (e) { return text; } }
      var entries;
      try {
        var b = JSON.parse(file);
        if (!b || b.format !== BACKUP || b.version !== 1 || !Array.isArray(b.scenarios)) { throw new Error(); }
        entries = b.scenarios.map(function (e, i) {
          if (!e || typeof e.name !== "string" || e.name.trim() === "" || e.scenario === undefined || e.scenario === null) {
            throw new Error("scenarios[" + i + "] has no name or no scenario");
          }
          return { name: e.name, saved_at: e.saved_at, text: typeof e.scenario === "string" ? e.scenario : JSON.stringify(e.scenario) };
        });
      } catch (e) {
        return Promise.reject(e.message || "it is not a backup of saved scenarios (version 1)");
      }
      return open().then(function (d) {
        db = d;
        var tx = db.transaction(SAVED, "readwrite"), store = tx.objectStore(SAVED);
        return request(store.getAll()).then(function (records) {
          var names = records.map(function (r) { return r.name; });
          entries.forEach(function (e) {
            var text = norm(e.text);
            var same = records.some(function (r) {
              return (r.name === e.name || r.name.indexOf(e.name + " (from backup)") === 0) && norm(r.text) === text;
            });
            if (same) { counts.same++; return; }
            var name = e.name;
            if (names.indexOf(name) >= 0) { name = freeName(names, e.name + " (from backup)"); counts.beside++; }
            names.push(name);
            var r = { id: uid(), name: name, saved_at: e.saved_at || now(), text: e.text };
            records.push(r);
            added.push(r);
            store.add(r);
            counts.added++;
          });
          return done(tx);
        });
      }).then(function () {
        return Promise.all(added.map(function (r) { return readBack(db, SAVED, r.id, r.text); }));
      }).then(function () { if (added.length) { tell(); } return JSON.stringify(counts); })
        .catch(function (e) { throw reason(e); });
    },
    // autosave keeps this tab's scenario as its unsaved work (other tabs
    // list it); the oldest beyond KEPT_AUTOSAVES tabs' are let go.
    autosave: function (text) {
      var db;
      return open().then(function (d) {
        db = d;
        var tx = db.transaction(AUTOSAVES, "readwrite"), store = tx.objectStore(AUTOSAVES);
        store.put({ id: tab, updated_at: new Date().toISOString(), text: text });
        return request(store.getAll()).then(function (records) {
          records.sort(function (a, b) { return a.updated_at < b.updated_at ? 1 : -1; })
            .slice(KEPT_AUTOSAVES).forEach(function (r) { store.delete(r.id); });
          return done(tx);
        });
      }).catch(function (e) { throw reason(e); }); // other tabs read it when they list
    },
    // asideText is a set-aside record's text.
    asideText: function (id) {
      return open().then(function (db) {
        return request(db.transaction(ASIDE).objectStore(ASIDE).get(id));
      }).then(function (r) {
        if (!r) { throw new Error("it is no longer there"); }
        return r.text;
      }).catch(function (e) { throw reason(e); });
    },
    // onChange calls f when another tab changes the records.
    onChange: function (f) {
      if (channel) { channel.onmessage = function () { f(); }; }
    },
    // persist asks the browser not to evict the records.
    persist: function () {
      if (navigator.storage && navigator.storage.persist) {
        return navigator.storage.persist().catch(function () { return false; });
      }
      return Promise.resolve(false);
    }
  };
})();
