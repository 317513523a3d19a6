// Where things go: the view's height in the page, the charts' height, our layers
// over plotly's plot areas and our canvases' pixels.
import { byId, presenting, state } from "./state.js";
import { setFrameHeight } from "./protocol.js";

// The plot area of a plotly chart, in CSS pixels from the chart's top left: the
// rectangle of its drag layer, which plotly lays exactly over the plot area.
export function plotArea(gd) {
  const rect = gd.querySelector(".draglayer .xy .nsewdrag") || gd.querySelector(".nsewdrag");
  if (!rect) return null;
  const area = {
    left: +rect.getAttribute("x"), top: +rect.getAttribute("y"),
    width: +rect.getAttribute("width"), height: +rect.getAttribute("height"),
  };
  return area.width > 0 && area.height > 0 ? area : null;
}

export function sameArea(a, b) {
  return !!a && !!b && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
}

// Each time plotly lays chart ``gd`` out anew (a resize, a new figure, an axis
// that grew), ``place`` puts our layer back over its plot area. Plotly.newPlot
// drops a chart's listeners (``fresh``), so it is listened to again after each.
export function followLayout(gd, place, fresh) {
  if (fresh || !gd.__following) {
    gd.on("plotly_afterplot", place);
    gd.__following = true;
  }
}

// Put element ``el`` over ``area`` plus ``pad`` CSS pixels on each side.
export function place(el, area, pad) {
  el.style.left = area.left - pad + "px";
  el.style.top = area.top - pad + "px";
  el.style.width = area.width + 2 * pad + "px";
  el.style.height = area.height + 2 * pad + "px";
}

// The charts take the height the browser window has left below the view's top,
// so that on a 1280 x 720 projector the whole view fits on the screen without
// scrolling; measured at the first drawing and when the window is resized
// (not when a message above comes or goes, which would make the charts jump).
export function fitHeight() {
  let h = 600;
  try {
    const host = window.frameElement, parent = window.parent;
    const top = host.getBoundingClientRect().top + parent.scrollY + byId("charts").offsetTop;
    // the room below the view: the page's own bottom padding, less in presentation mode
    h = parent.innerHeight - top - (presenting() ? 20 : 24);
  } catch (e) { /* not embedded: keep the default */ }
  h = Math.round(Math.max(340, Math.min(720, h)));
  if (h === state.chartHeight) return;
  state.chartHeight = h;
  document.documentElement.style.setProperty("--chart-h", h + "px");
  ["boundary-plot", "cost-plot", "grads-plot"].forEach((id) => {
    const gd = byId(id);
    if (gd && gd.data) Plotly.Plots.resize(gd);
  });
  reportHeight();
}

// The iframe takes the view's height (told only when it changes).
export function reportHeight() {
  const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (h !== state.lastHeight) { state.lastHeight = h; setFrameHeight(h); }
}

// A resize of the page around the view: the charts take the height it leaves
// them now.
export function refit() {
  state.chartHeight = -1;
  fitHeight();
}

// Everything that changes while playing is painted on a canvas: the numbers, the
// heatmap, the A2 = 0.5 line and the curves. Any change of the page's text or
// SVG, however small, makes the browser lay out and layerize the whole page again
// (Streamlit's page and this frame are one document tree to it); a canvas whose
// pixels change only goes to the compositor (benchmarks/trace_live.py shows it).
// fitCanvas: the canvas's 2d context, its pixels sized for a w x h CSS-pixel box at the
// screen's density and its drawing in CSS pixels (resizing clears it).
export function fitCanvas(canvas, w, h) {
  const dpr = window.devicePixelRatio || 1;
  const pw = Math.max(1, Math.round(w * dpr)), ph = Math.max(1, Math.round(h * dpr));
  if (canvas.width !== pw || canvas.height !== ph) {
    canvas.width = pw;
    canvas.height = ph;
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(pw / w, 0, 0, ph / h, 0, 0);
  return ctx;
}
