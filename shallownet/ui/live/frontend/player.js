// The payloads and the frames: a payload handled (from a script run, the
// component's argument, or from the stream), the queued frames shown at an even
// pace, one an animation frame when due, and Pause, heard at the click. The
// payload's layout is ui/live/frames.py's; every number arrives computed and
// every text arrives translated.
import { byId, CURVES, decode, presenting, state, status } from "./state.js";
import { setValue } from "./protocol.js";
import { buildMetrics, setMetrics } from "./metrics.js";
import { drawBoundaryChart, paintBoundary } from "./boundary.js";
import { drawCurve } from "./curves.js";
import { fitHeight, reportHeight } from "./layout.js";
import { connect, pull, report, streaming, writeAddress } from "./stream.js";
import { loadPlotly, preview } from "./first.js";

// Both kinds of payload come from one counter on the server, so one older than
// the last handled is stale (the two paths race). A batch is a payload from the
// stream, or the answer to our request for one (``pulled``).
export function onRender(args, fromStream) {
  const p = args.payload;
  if (!p) return;
  const pulled = p.pulled !== undefined && p.pulled !== null;
  const batch = fromStream || pulled;
  if (pulled && p.pulled === state.pullId) state.pullId = null;
  if (state.lastId !== null && p.id <= state.lastId) {
    // stale, but it may carry the figures this view is missing (the answer to
    // its request, overtaken by a batch)
    if (p.figures && state.figuresKeys !== state.latestKeys && JSON.stringify(p.keys) === state.latestKeys) {
      state.figures = p.figures;
      state.figuresKeys = state.latestKeys;
      state.figuresAsked = null;
    }
    return;
  }
  if (p.stream) connect(p.stream);
  attachNetworks(p, args.networks);
  if (p.activation) state.activation = p.activation;
  state.lastId = p.id;
  state.texts = p.texts;
  if (p.address) state.address = p.address;
  state.clickClass = p.click_class;
  if (presenting() !== !!p.present) {
    // the mode switched: the charts take the height the page leaves them now
    document.body.classList.toggle("present", !!p.present);
    if (state.chartHeight !== null) fitHeight();
  }
  byId("boundary").classList.toggle("adding", p.click_class !== null && p.click_class !== undefined);
  if (typeof Plotly === "undefined") {
    // plotly.js is not there yet (first.js): the numbers and the boundary show,
    // and the newest message waits for it
    state.lastId = null;
    if (!state.waiting || state.waiting.args.payload.id < p.id) state.waiting = { args: args, fromStream: fromStream };
    preview(p);
    loadPlotly();
    return;
  }
  if (p.playing && batch) window.__framesReceived += p.frames.length;
  if (p.playing && !state.serverPlaying) {
    state.playingSince = performance.now();
    state.streamBatches = state.pulledBatches = 0;
    state.pullId = null;
  }
  if (p.playing && fromStream) state.streamBatches += 1;
  if (p.playing && pulled) state.pulledBatches += 1;
  const newRev = p.rev !== state.rev;
  if (newRev) {
    state.rev = p.rev;
    state.queue = [];
  }
  const labels = JSON.stringify(p.metric_labels);
  if (labels !== state.metricLabels) {  // a new network or another language
    state.metricLabels = labels;
    buildMetrics(p.metric_labels);
  }
  // in presentation mode no message comes above the view (they are beside the
  // buttons), so the charts follow the view's place as the page settles
  if (state.chartHeight === null || presenting()) fitHeight();
  const keys = JSON.stringify(p.keys);
  state.latestKeys = keys;
  if (p.figures) {
    state.figures = p.figures;
    state.figuresKeys = keys;
    state.figuresAsked = null;
  }
  if (state.figuresKeys !== keys) {
    // The figures of this network are missing: this page is new in its frame
    // (the browser reloaded it) while the server sends only what changes, or
    // the payload that carried them was overtaken by a newer one. The numbers
    // show; the server is asked for the figures, again if it answered and the
    // answer was overtaken too.
    setMetrics(p.frames[p.frames.length - 1], false);
    if (state.figuresAsked === null || p.figures_answered === state.figuresAsked) {
      state.figuresAsked = p.id;
      setValue({ id: p.id, figures: true });
    }
    reportHeight();
    return;
  }
  const series = decodeSeries(p.series);
  const items = p.frames.map((frame) => ({ frame: frame, series: series, keys: p.keys }));
  state.frameMs = p.frame_ms;
  try {
    if (p.playing && state.frozen) {
      // a batch the server sent before it heard Pause: not shown
    } else if (p.playing && !batch) {
      // A run of the page while playing: its frame is the network as it is
      // now, ahead of the screen, and the frames come in batches; only a new
      // network's start is shown at once.
      if (newRev) {
        state.queue = [items[items.length - 1]];
        state.nextDue = performance.now();
        wake();
      }
    } else if (p.playing) {
      const queue = state.queue;
      if (!queue.length) state.nextDue = performance.now();
      queue.push.apply(queue, items);
      // never lag more than two batches behind the server
      if (queue.length > 2 * items.length) queue.splice(0, queue.length - 2 * items.length);
      wake();
    } else {
      atRest(p, items);
    }
    state.serverPlaying = !!p.playing;
    // a quiet word while the batches come as answers: the view is slower so
    status(p.playing && state.pulledBatches > 0 && !streaming() ? state.texts.no_stream : "");
  } catch (e) {
    status(state.texts.draw_error + " " + e);
  }
  if (p.rerun && batch) {
    // playing stopped by itself (divergence, a link's step reached): the page is
    // drawn again, with the message
    setValue({ id: p.id, rerun: true });
  }
  pull(false);
  reportHeight();
}

// At rest. After Pause the server is ahead of the screen: the view asks it to
// come back to the frame on screen rather than jump forward, and shows nothing
// until the answer. A busy browser skips messages that newer ones overtake, so
// the offer stands in every message until it is answered.
function atRest(p, items) {
  state.queue = [];
  const last = items[items.length - 1], shown = state.shown;
  const sameRun = shown !== null && p.rev === state.shownRev;
  if (state.awaiting !== null && p.answered === state.awaiting) {
    state.awaiting = null;
    state.frozen = false;
    show(last, false);
  } else if (p.rewind && sameRun && shown < last.frame.step) {
    if (state.awaiting === null) {
      state.awaiting = p.id;
      setValue({ id: p.id, step: shown });
    }
  } else if (state.awaiting !== null && sameRun) {
    // a message that crossed our request: it shows where the server got to
  } else {
    state.awaiting = null;
    state.frozen = false;
    show(last, false);
  }
}

// A batch's series: chart name -> trace index -> {x, y}, as typed arrays.
function decodeSeries(series) {
  const out = {};
  Object.keys(series).forEach((name) => {
    out[name] = {};
    Object.keys(series[name]).forEach((i) => {
      out[name][i] = { x: decode(series[name][i].x), y: decode(series[name][i].y) };
    });
  });
  return out;
}

// Each frame's network is a slice of the bytes that come beside the payload
// (ui/live/component.py, split_networks), float32: copied out, as a slice need
// not start on a multiple of 4 bytes.
function attachNetworks(p, blob) {
  if (p.networksAttached) return;
  p.networksAttached = true;
  const bytes = blob instanceof Uint8Array ? blob : new Uint8Array(blob || 0);
  p.frames.forEach((f) => {
    const at = f.net;
    if (at && typeof at.offset === "number") {
      f.net = new Float32Array(bytes.slice(at.offset, at.offset + at.length).buffer);
    }
  });
}

// how long each frame took to draw (ms), the last 200, for the benchmark
window.__drawMs = [];
// frames received while playing and frames drawn, counted for the load benchmark
window.__framesReceived = 0;
window.__framesDrawn = 0;

// Show one frame: its numbers, its boundary, and the curves up to its step.
function show(item, live) {
  const started = performance.now();
  state.laidOut = false;
  const f = item.frame;
  state.shown = f.step;
  state.shownRev = state.rev;
  if (live) writeAddress();
  setMetrics(f, live);
  if (state.keys.boundary !== item.keys.boundary) {
    drawBoundaryChart(state.figures.boundary);
    state.keys.boundary = item.keys.boundary;
  }
  paintBoundary(f.net);
  CURVES.forEach((name) => { drawCurve(name, item, live); });
  // the whole view is drawn (the first picture may have come before plotly.js)
  if (!state.drawn) {
    state.drawn = true;
    performance.mark("drawn");
    byId("charts").setAttribute("data-drawn", "1");
  }
  window.__drawMs.push(performance.now() - started);
  window.__framesDrawn += 1;
  if (window.__drawMs.length > 200) window.__drawMs.shift();
}

// The animation runs only while frames are queued: an idle page asking for
// every animation frame would cost its browser CPU time (a laptop's battery on
// a page left open) for nothing.
function wake() {
  if (!state.ticking) { state.ticking = true; window.requestAnimationFrame(tick); }
}

// how far ahead of the queue the step axis grows (see tick)
const AXIS_LEAD_MS = 2000;

function tick(now) {
  if (state.queue.length && now >= state.nextDue) {
    // keep an even pace on average, but never try to catch up on a stall
    state.nextDue = Math.max(state.nextDue + state.frameMs, now + state.frameMs / 2);
    const item = state.queue.shift();
    // where the step axis grows to: the newest step queued, and as far again as
    // the steps go in AXIS_LEAD_MS at the pace of the queue. Each growth makes
    // plotly lay the axes out anew, so fewer, larger ones.
    const newest = state.queue.length ? state.queue[state.queue.length - 1].frame.step : item.frame.step;
    const perMs = state.queue.length ? (newest - item.frame.step) / (state.queue.length * state.frameMs) : 0;
    item.ahead = newest + Math.max(0, perMs) * AXIS_LEAD_MS;
    try { show(item, true); } catch (e) { status(state.texts.draw_error + " " + e); }
    report(false);
    pull(false);
  }
  if (state.queue.length) window.requestAnimationFrame(tick);
  else state.ticking = false;
}

// Pause, heard at the click rather than when the server's answer arrives: the
// frames still queued are dropped and the picture stays; the server is then
// asked to come back to it (atRest). Play lifts the freeze. A click
// on any button also wants plotly.js now, if it is still waiting (first.js).
export function listenForPause() {
  try {
    window.parent.document.addEventListener("click", (event) => {
      if (!event.target.closest) return;
      if (event.target.closest("button")) state.plotlyNow = true;
      if (event.target.closest(".st-key-pause")) { state.frozen = true; state.queue = []; }
      else if (leaves(event.target.closest("a[href]"))) {
        // another page of the app: it pauses training on the frame on screen,
        // which is told now and stays
        state.frozen = true;
        state.queue = [];
        report(true);
        if (!streaming() && state.serverPlaying) setValue({ id: "leave." + Date.now(), shown: state.shown });
      }
      else if (event.target.closest("button")) {
        // any other button (Play, Step, Reset, ...): what the server sends next is
        // what it shows, answered or not
        state.frozen = false;
        state.awaiting = null;
      }
    }, true);
  } catch (e) { /* not embedded in the app: the server's answer stops the view */ }
}

// Whether ``link`` (an anchor, or null) goes to another page of the app.
function leaves(link) {
  if (!link) return false;
  try {
    const to = new URL(link.href, window.parent.location.href);
    return to.origin === window.parent.location.origin && to.pathname !== window.parent.location.pathname;
  } catch (e) { return false; }
}
