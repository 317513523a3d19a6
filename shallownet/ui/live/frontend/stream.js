// The live stream (ui/live/stream.py): while playing, the batches come over a
// websocket of the page's server, not as the component's argument (each of
// those is a script run, and the whole of Streamlit's page renders again).
// Connected at the first payload and kept open. The stream is an upgrade: when
// the socket cannot open within STREAM_OPEN_MS, or closes, the view asks for
// each batch with the component's value instead (pull, answered by a run of
// the panel), and tries the socket again, less and less often; once a batch
// comes over it again, the asking stops.
import { state } from "./state.js";
import { setValue } from "./protocol.js";
import { onRender } from "./player.js";
import { tell } from "./first.js";

const STREAM_OPEN_MS = 1500;
const STREAM_FIRST_BATCH_MS = 4000; // an open socket that brings no batch this long after Play is not used
const RETRY_MAX_MS = 16000;
const PULL_AHEAD_MS = 1200;  // a batch is asked for when no more than this much is queued
const PULL_RETRY_MS = 3000;  // an unanswered request is made again after this long (it was overtaken)
const REPORT_MS = 250;       // how often the step on screen is told over the stream while playing
const ADDRESS_MS = 500;      // how often, at most, the address is written while playing

export function connect(info) {
  state.streamInfo = info || state.streamInfo;
  info = state.streamInfo;
  if (state.socket && info && state.socket.token !== info.token) {
    // another session's end (a new Playground): this socket serves the old one
    state.socket.onclose = null;
    state.socket.close();
    state.socket = null;
  }
  if (state.socket || !info) return;
  if (typeof WebSocket === "undefined") { streamDown(); return; }
  // the server's root: this page is at <root>/component/<name>/index.html
  const path = location.pathname, cut = path.indexOf("/component/");
  const root = cut >= 0 ? path.slice(0, cut) : "";
  let socket;
  try {
    socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host +
                           root + info.path + "?token=" + encodeURIComponent(info.token));
  } catch (e) { streamDown(); return; }
  socket.binaryType = "arraybuffer";
  socket.token = info.token;
  setTimeout(() => { if (state.socket === socket && socket.readyState !== 1) streamDown(); }, STREAM_OPEN_MS);
  socket.onopen = () => {
    state.openedAt = performance.now();
    state.retryMs = 1000;
    tell();
    report(true);
  };
  socket.onmessage = (event) => {
    // the payload's JSON length (4 bytes, little-endian), the JSON, the networks
    const n = new DataView(event.data).getUint32(0, true);
    const payload = JSON.parse(new TextDecoder().decode(new Uint8Array(event.data, 4, n)));
    onRender({ payload: payload, networks: new Uint8Array(event.data, 4 + n) }, true);
  };
  socket.onclose = () => {
    if (state.socket !== socket) return;
    state.socket = null;
    streamDown();
    setTimeout(() => { connect(null); }, state.retryMs);
    state.retryMs = Math.min(RETRY_MAX_MS, 2 * state.retryMs);
  };
  state.socket = socket;
}

// The batches come over the stream: its socket is open and, in this run of
// Play, has brought a batch or may still bring its first.
export function streaming() {
  const socket = state.socket;
  if (!socket || socket.readyState !== 1) return false;
  if (state.streamBatches > 0) return true;
  return performance.now() - Math.max(state.playingSince, state.openedAt) < STREAM_FIRST_BATCH_MS;
}

// The stream is not there: ask for a batch now. The first such request also ends
// what a first visit's page waits for from the stream (ui/live/panel.py, wait_for_view).
function streamDown() {
  if (state.streamDown) return;
  state.streamDown = true;
  pull(true);
}

// Ask for the next batch (``always``, or when the server plays, the stream does
// not bring the batches and little is queued), unless a request is pending.
export function pull(always) {
  const now = performance.now();
  if (state.pullId !== null && now - state.pullAt < PULL_RETRY_MS) return;
  if (!always && (!state.serverPlaying || state.frozen || streaming())) return;
  if (!always && state.queue.length * state.frameMs > PULL_AHEAD_MS) return;
  state.pulls += 1;
  state.pullId = "batch." + Date.now() + "." + state.pulls;
  state.pullAt = now;
  setValue({ id: state.pullId, batch: true, shown: state.shown });
}

// While the server plays and no batch comes over the stream, this keeps asking.
export function keepPulling() {
  setInterval(() => { pull(false); }, 250);
}

// The step on screen, told over the stream: every REPORT_MS while playing, and
// at once (``now``) when the page is left for another (a lecture page pauses
// training on it).
export function report(now) {
  const socket = state.socket, t = performance.now();
  if (!socket || socket.readyState !== 1 || state.shown === null) return;
  if (!now && t - state.lastReport < REPORT_MS) return;
  state.lastReport = t;
  socket.send("shown:" + state.shown);
}

// While playing, the page's address names the step on screen (at rest the
// server writes it): its other parameters as the newest run of the page gave
// them (``address``), rewritten in place at most every ADDRESS_MS, so that a
// reload or a copied address gives the network on screen.
export function writeAddress() {
  const now = performance.now();
  if (!state.address || now - state.addressAt < ADDRESS_MS) return;
  state.addressAt = now;
  try {
    const loc = window.parent.location, params = new URLSearchParams(state.address);
    params.set("step", String(state.shown));
    const search = "?" + params.toString();
    if (loc.search !== search) window.parent.history.replaceState(window.parent.history.state, "", loc.pathname + search + loc.hash);
  } catch (e) { /* not embedded in the app */ }
}
