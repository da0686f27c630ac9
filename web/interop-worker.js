// The planner's interop worker: a small Go WebAssembly module
// (app/interop/worker) that imports AWS CLI outputs and writes Terraform,
// SAM and CloudWatch alarms off the page's thread. Messages are
// {id, request} (request: JSON text); replies {id, response}, and
// {id, progress} while long work goes on.
importScripts("/wasm_exec.js");

const started = (async () => {
  const go = new Go();
  const url = new URL("interop.wasm", self.location.href);
  const { instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
  go.run(instance); // returns when the program exits; main blocks forever
  while (typeof self.plannerInteropHandle !== "function") {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
})();

self.onmessage = async (e) => {
  const { id, request } = e.data;
  try {
    await started;
    // Long work tells its progress (a fraction) as it goes.
    self.plannerInteropProgress = (fraction) => self.postMessage({ id, progress: fraction });
    self.postMessage({ id, response: self.plannerInteropHandle(request) });
  } catch (err) {
    self.postMessage({ id, response: JSON.stringify({ problems: "the interop module did not start: " + err }) });
  }
};
