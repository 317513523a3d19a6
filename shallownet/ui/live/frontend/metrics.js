// The metrics: a label, and the value painted on a canvas (layout.js says why, at fitCanvas).
// The value's text is also its data-value (what tests and benchmarks read) and,
// at rest, the text of a visually hidden element (what a screen reader reads).
import { byId, state } from "./state.js";
import { fitCanvas } from "./layout.js";

// a value's box and font, measured when its box changes (and so at first)
const metricSizes = typeof ResizeObserver === "undefined" ? null : new ResizeObserver((entries) => {
  entries.forEach((entry) => {
    const m = entry.target.__metric;
    if (!m) return;
    const cs = getComputedStyle(m.value);
    m.w = entry.contentRect.width;
    m.h = entry.contentRect.height;
    m.font = [cs.fontWeight, parseFloat(cs.fontSize), cs.fontFamily];
    m.color = cs.color;
    paintMetric(m);
  });
});

// The cards for ``labels``: [[key, label], ...].
export function buildMetrics(labels) {
  const box = byId("metrics");
  if (metricSizes) metricSizes.disconnect();
  box.innerHTML = "";
  const before = state.metricEls;
  state.metricEls = {};
  labels.forEach((pair) => {
    const el = document.createElement("div");
    el.className = "metric";
    el.setAttribute("data-testid", "metric-" + pair[0]);
    el.innerHTML = '<div class="label"></div><div class="value"><canvas aria-hidden="true"></canvas>' +
                   '<span class="text"></span></div>';
    el.querySelector(".label").textContent = pair[1];
    box.appendChild(el);
    const value = el.querySelector(".value");
    const m = { value: value, canvas: value.querySelector("canvas"), text: value.querySelector(".text"),
                shown: "", w: 0, h: 0, font: null, color: null };
    value.__metric = m;
    if (metricSizes) metricSizes.observe(value);
    state.metricEls[pair[0]] = m;
    // a value keeps what it showed (another language relabels the same numbers)
    if (before[pair[0]] && before[pair[0]].shown) setMetric(m, before[pair[0]].shown, false);
  });
}

function setMetric(m, text, live) {
  if (m.shown !== text) {
    m.shown = text;
    m.value.setAttribute("data-value", text);
    paintMetric(m);
  }
  if (!live && m.text.textContent !== text) m.text.textContent = text;
}

// Every value of frame ``f``.
export function setMetrics(f, live) {
  Object.keys(f.metrics).forEach((key) => {
    if (state.metricEls[key]) setMetric(state.metricEls[key], f.metrics[key], live);
  });
}

// A value, placed as the page would set its text: at the left, the line's
// height split evenly above and below the font; narrowed to fit its box.
function paintMetric(m) {
  if (!(m.w > 0 && m.h > 0) || !m.font) return;
  const ctx = fitCanvas(m.canvas, m.w, m.h);
  let size = m.font[1];
  ctx.clearRect(0, 0, m.w, m.h);
  ctx.font = m.font[0] + " " + size + "px " + m.font[2];
  let metrics = ctx.measureText(m.shown);
  if (metrics.width > m.w) {
    size = Math.max(1, Math.floor(size * m.w / metrics.width));
    ctx.font = m.font[0] + " " + size + "px " + m.font[2];
    metrics = ctx.measureText(m.shown);
  }
  const ascent = metrics.fontBoundingBoxAscent || 0.8 * size, descent = metrics.fontBoundingBoxDescent || 0.2 * size;
  ctx.fillStyle = m.color;
  ctx.fillText(m.shown, 0, (m.h - ascent - descent) / 2 + ascent);
}
