// The first picture. plotly.js is parsed only after it is on the screen: that
// parse is most of what the first drawing would wait for. Meanwhile the numbers,
// the boundary and the data points are painted without it (preview), and the
// server is told when they are there, so that it sends the rest of the page.
import { byId, decode, state, status } from "./state.js";
import { buildMetrics, setMetrics } from "./metrics.js";
import { guessBoundaryArea, paintBoundary, placeBoundary, setupBoundary } from "./boundary.js";
import { fitHeight, reportHeight } from "./layout.js";
import { onRender } from "./player.js";

// The first payload's numbers and boundary, painted without plotly.js.
export function preview(p) {
  if (!p.figures || state.previewed) return;
  state.previewed = true;
  state.metricLabels = JSON.stringify(p.metric_labels);
  buildMetrics(p.metric_labels);
  if (state.chartHeight === null) fitHeight();
  const f = p.frames[p.frames.length - 1];
  setMetrics(f, false);
  setupBoundary(p.figures.boundary);
  const area = guessBoundaryArea(p.figures.boundary);
  if (!area) return;
  placeBoundary(area);
  if (p.activation) state.activation = p.activation;
  paintBoundary(f.net);
  paintPoints(p.figures.boundary);
  reportHeight();
}

const SVG = "http://www.w3.org/2000/svg";

// A number for an SVG path: a tenth of a pixel is finer than any screen
function num(v) { return Math.round(v * 10) / 10; }

// an SVG path that draws a dot of radius r at (x, y)
function dotPath(x, y, r) {
  return "M" + num(x - r) + " " + num(y) + "a" + r + " " + r + " 0 1 0 " + 2 * r + " 0a" + r + " " + r +
         " 0 1 0 " + -2 * r + " 0";
}

// The data points over the previewed boundary, as plotly will draw them (until
// it does, and they are taken away): one SVG path of dots per trace.
function paintPoints(fig) {
  const b = state.boundary, W = b.area.width, H = b.area.height, group = byId("boundary-preview");
  const sx = W / (b.x1 - b.x0), sy = H / (b.y1 - b.y0);
  fig.data.forEach((trace) => {
    if (trace.mode !== "markers") return;
    const x = decode(trace.x), y = decode(trace.y), m = trace.marker || {}, edge = m.line || {};
    const path = group.appendChild(document.createElementNS(SVG, "path")), r = (m.size || 6) / 2;
    let d = "";
    for (let k = 0; k < x.length; k++) d += dotPath((x[k] - b.x0) * sx, H - (y[k] - b.y0) * sy, r);
    path.setAttribute("d", d);
    path.setAttribute("fill", m.color);
    if (edge.width) {
      path.setAttribute("stroke", edge.color || m.color);
      path.setAttribute("stroke-width", edge.width);
    }
  });
}

// On a session's first visit the server draws the page in parts, each once the
// view says the one before is on the screen (ui/live/panel.py, wait_for_view): the
// buttons once the first boundary is painted ("painted"), the sidebar once the
// buttons show ("buttons"). Each is told once, when it is so and the socket is
// open; later visits of the session do not wait, and a told signal is harmless.
export function tell() {
  const socket = state.socket;
  if (!socket || socket.readyState !== 1) return;
  const now = { painted: state.painted, buttons: state.painted && pageShows(".st-key-play button") };
  Object.keys(now).forEach((signal) => {
    if (now[signal] && !state.told[signal]) {
      socket.send(signal);
      state.told[signal] = true;
    }
  });
}

// Whether the page around the view shows ``selector`` (true when there is no
// such page to look at: not embedded, or embedded where it cannot be seen).
function pageShows(selector) {
  try {
    return window.parent === window || !!window.parent.document.querySelector(selector);
  } catch (e) {
    return true;
  }
}

// Load plotly.js (index.html has it preloaded) once the preview is on the screen
// and the page around it is drawn; then handle the newest message that waited
// for it. On a first visit plotly's parse and first charts would hold back the
// page's buttons and sidebar, which the server sends only after the preview
// (see tell). The page is drawn when its last element, the language switch,
// shows; a click on a button of the page, or PLOTLY_WAIT_MS, loads plotly at once.
const PLOTLY_WAIT_MS = 12000;

export function loadPlotly() {
  if (state.plotlyRequested) return;
  state.plotlyRequested = true;
  const since = performance.now();
  (function whenThePageIsDrawn() {
    tell();
    if (!state.plotlyNow && !pageShows(".st-key-lang") && performance.now() - since < PLOTLY_WAIT_MS) {
      setTimeout(whenThePageIsDrawn, 50);
      return;
    }
    window.requestAnimationFrame(() => {
      setTimeout(() => {
        // a classic script: plotly.js makes its global ``Plotly``
        const script = document.createElement("script");
        script.src = "plotly-basic.min.js";
        script.onload = () => {
          const waiting = state.waiting;
          state.waiting = null;
          if (waiting) onRender(waiting.args, waiting.fromStream);
        };
        script.onerror = () => { status(state.texts.no_plotly); };
        document.head.appendChild(script);
      }, 0);
    });
  })();
}
