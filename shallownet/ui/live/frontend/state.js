// Everything the view remembers between messages and frames, shared by all its
// modules, and the few helpers every part of it uses.

export const byId = (id) => document.getElementById(id);

export const CONFIG = { displayModeBar: false, responsive: true };  // plotly's, for every chart
export const CURVES = ["cost", "grads"];

export const state = {
  lastId: null,     // the last payload handled
  rev: null,        // the network the frames belong to; a new one drops queued frames
  keys: {},         // chart name -> the figure key it was drawn with
  figures: null,    // {boundary, cost, grads}: plotly figures without their live data
  figuresKeys: null, // the keys of the network and language those figures are for (JSON)
  figuresAsked: null, // the id of our last request for the figures
  latestKeys: null, // the keys of the newest payload handled (JSON)
  queue: [],        // frames waiting to be shown, oldest first
  frameMs: 40,      // pace of the animation
  nextDue: 0,       // when the next queued frame is due (performance.now())
  ticking: false,   // an animation frame is requested (only while frames are queued)
  metricEls: {},    // metric key -> its value: element, canvas, text painted, size, font (buildMetrics)
  texts: {},        // the view's own messages, in the page's language
  shown: null,      // the step on screen ...
  shownRev: null,   // ... and its network
  frozen: false,    // Pause was clicked: show nothing more until the server answers
  awaiting: null,   // the id of our request to go back to the frame on screen, until answered
  chartHeight: null,
  lastHeight: 0,
  boundary: null,   // the boundary's layer: colours, its renderer, grid extent, its area, frame on screen
  activation: "tanh", // g1 of the network the frames belong to
  curves: {},       // chart name -> its curve layer (see newCurve)
  laidOut: false,   // plotly laid out a chart's axes anew in this frame
  waiting: null,    // the newest message that came before plotly.js was loaded {args, fromStream}
  socket: null,     // the live stream's websocket, while open
  painted: false,   // the first boundary is painted ...
  told: {},         // what the server was told on the first visit: "painted", "buttons" (see tell)
  streamInfo: null, // where it is: {path, token}
  serverPlaying: false, // the newest payload handled says the server plays
  playingSince: 0,  // when the server was first seen playing, this time (performance.now())
  streamBatches: 0, // batches that came over the stream since then
  openedAt: 0,      // when the socket last opened
  streamDown: false, // the socket could not open, or dropped: batches are asked for (pull)
  retryMs: 1000,    // the wait before the socket is tried again (doubles up to RETRY_MAX_MS)
  pullId: null,     // our request for a batch, until answered ...
  pullAt: 0,        // ... and when it was made
  pulls: 0,
  pulledBatches: 0, // batches that came as answers since Play
  lastReport: 0,    // when the step on screen was last told over the stream
  address: null,    // the address's parameters but the step, from the newest run of the page
  addressAt: 0,     // when the view last wrote the address
  previewed: false, // the first picture was painted without plotly.js
  plotlyRequested: false,
  plotlyNow: false, // a button of the page was clicked: load plotly.js without waiting (loadPlotly)
  drawn: false,     // plotly.js has drawn the charts once
  clickClass: null, // the class a click on the plane adds (the page's choice), or null
  metricLabels: null, // the metric labels the view shows (JSON), rebuilt when they change
};

// The line of text above the view (its own messages: no stream, a drawing error).
export function status(text) {
  const el = byId("status");
  if (el.textContent !== (text || "")) el.textContent = text || "";
}

// Whether the page around the view is in presentation mode.
export function presenting() {
  return document.body.classList.contains("present");
}

const DTYPES = { f4: Float32Array, f8: Float64Array, u1: Uint8Array, i4: Int32Array };

// plotly's typed arrays in the payload: {dtype, bdata} (base64) -> a typed array
// (anything else as it is)
export function decode(spec) {
  if (!spec || typeof spec.bdata !== "string") return spec;
  const bin = atob(spec.bdata);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new DTYPES[spec.dtype](bytes.buffer);
}
