// The boundary chart: plotly draws what stays (axes, points, legend, titles);
// what moves is painted on canvases of our own: under plotly's transparent plot
// the heatmap (a canvas of the grid's size, that the browser's compositor scales
// to the plot area), over it the A2 = 0.5 line.
import { byId, CONFIG, decode, presenting, state } from "./state.js";
import { fitCanvas, followLayout, place, plotArea, sameArea } from "./layout.js";
import { setValue } from "./protocol.js";
import { tell } from "./first.js";

const TRANSPARENT = "rgba(0,0,0,0)";

function parseColor(c) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [128, 128, 128];
}

// 256 RGB entries along a plotly colorscale [[0, "#..."], ..., [1, "#..."]]
function colorLut(scale) {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let v = 0; v < 256; v++) {
    const s = v / 255;
    let k = 1;
    while (k < scale.length - 1 && scale[k][0] < s) k++;
    const a = scale[k - 1], b = scale[k], t = (s - a[0]) / ((b[0] - a[0]) || 1);
    const ca = parseColor(a[1]), cb = parseColor(b[1]);
    for (let c = 0; c < 3; c++) lut[4 * v + c] = Math.round(ca[c] + t * (cb[c] - ca[c]));
    lut[4 * v + 3] = 255;
  }
  return lut;
}

// The boundary's canvas layer for figure ``fig``: its colours, line style and
// grid extent. Needs no plotly.js.
export function setupBoundary(fig) {
  let h = null, l = null;
  fig.data.forEach((trace) => {
    if (trace.type === "heatmap") h = trace;
    else if (trace.mode === "lines") l = trace;
  });
  const xs = decode(h.x), ys = decode(h.y);
  const nx = xs.length, ny = ys.length;
  const canvas = byId("boundary-canvas");
  canvas.width = nx;
  canvas.height = ny;
  byId("boundary-preview").textContent = "";
  const pixels = canvas.getContext("2d").createImageData(nx, ny);
  state.boundary = {
    // a pixel is one 32-bit word (its four bytes, RGBA): a colour is written at once
    lut: new Uint32Array(colorLut(h.colorscale).buffer),
    pixels: pixels, words: new Uint32Array(pixels.data.buffer),
    x0: xs[0], x1: xs[nx - 1], y0: ys[0], y1: ys[ny - 1], nx: nx, ny: ny,
    ctx: canvas.getContext("2d"), lineColor: l.line.color, lineWidth: l.line.width,
    area: null, frame: null,
  };
}

// plotly draws the chart without the heatmap and the line (our canvases do).
export function drawBoundaryChart(fig) {
  setupBoundary(fig);
  const data = [];
  let line = null;
  fig.data.forEach((trace) => {
    if (trace.type === "heatmap") return;
    if (trace.mode === "lines") line = trace;
    else data.push(trace);
  });
  const layout = Object.assign({}, fig.layout, { paper_bgcolor: TRANSPARENT, plot_bgcolor: TRANSPARENT,
                                                 legend: boundaryLegend(fig.layout) });
  // a legend entry for the line, which plotly no longer draws
  data.unshift({ type: "scatter", x: [null], y: [null], mode: "lines", name: line.name,
                 line: line.line, hoverinfo: "skip" });
  const gd = byId("boundary-plot");
  Plotly.newPlot(gd, data, layout, CONFIG);
  followLayout(gd, placeBoundaryCanvas, true);
  placeBoundaryCanvas();
}

// In presentation mode the figures come with their legends under the plot
// (plots/playground.py, presented). The boundary's square plot leaves room at its
// side on a wide screen: its legend goes there, and the plot is larger.
const LEGEND_BESIDE_PX = 1100;
function boundaryLegend(layout) {
  const legend = layout.legend || {};
  if (!presenting() || window.innerWidth < LEGEND_BESIDE_PX) return legend;
  return Object.assign({}, legend, { orientation: "v", x: 1.02, xanchor: "left", y: 1, yanchor: "top",
                                     yref: "paper" });
}

// The legend goes beside the plot or under it as the window's width now allows.
let legendBeside = null;
export function followLegend() {
  const gd = byId("boundary-plot"), beside = boundaryLegend({}).orientation === "v";
  if (beside === legendBeside || !state.figures || !gd.data) return;
  legendBeside = beside;
  Plotly.relayout(gd, { legend: boundaryLegend(state.figures.boundary.layout) });
}

// Where plotly will put the boundary's plot area, before plotly.js is there:
// inside the figure's margins, the right one pushed out by the legend (its
// longest name plus the symbol), square (the axes' scale ratio is 1) and centred.
// Used once, for the first picture; plotly's own area replaces it.
const LEGEND_EXTRA = 57;  // a legend's width beyond its longest name (symbol, gaps, border), as plotly draws it
export function guessBoundaryArea(fig) {
  const gd = byId("boundary-plot"), W = gd.clientWidth, H = gd.clientHeight, m = fig.layout.margin || {};
  const l = m.l || 80, t = m.t || 100, b = m.b || 80;
  let r = m.r || 80;
  const font = ((fig.layout.legend || {}).font || {}).size || 12;
  const ctx = document.createElement("canvas").getContext("2d");
  let text = 0;
  ctx.font = font + "px " + getComputedStyle(document.body).fontFamily;
  fig.data.forEach((trace) => {
    if (trace.name && trace.type !== "heatmap") text = Math.max(text, ctx.measureText(trace.name).width);
  });
  const legend = text + LEGEND_EXTRA, x = ((fig.layout.legend || {}).x || 1.02) - 1;
  r = Math.max(r, (legend + x * (W - l)) / (1 + x));
  const w = W - l - r, h = H - t - b, side = Math.min(w, h);
  if (!(side > 0)) return null;
  return { left: l + (w - side) / 2, top: t + (h - side) / 2, width: side, height: side };
}

// Put the boundary's layer exactly under plotly's plot area (it moves when the
// chart resizes).
function placeBoundaryCanvas() {
  const b = state.boundary, area = plotArea(byId("boundary-plot"));
  if (!b || !area || sameArea(b.area, area)) return;
  placeBoundary(area);
  byId("boundary-preview").textContent = "";  // plotly draws the points now
  if (b.frame) paintBoundary(b.frame);
}

// The layer over ``area``: the grid's values sit at cell centres, which span
// the axes exactly, so the scaled canvas reaches half a cell past the area on
// each side (the layer clips it); the line's canvas covers the area.
export function placeBoundary(area) {
  const b = state.boundary, canvas = byId("boundary-canvas");
  b.area = area;
  place(byId("boundary-layer"), area, 0);
  const cw = area.width / (b.nx - 1), ch = area.height / (b.ny - 1);
  canvas.style.left = -cw / 2 + "px";
  canvas.style.top = -ch / 2 + "px";
  canvas.style.width = area.width + cw + "px";
  canvas.style.height = area.height + ch + "px";
}

// A frame's boundary: its heatmap (a byte per cell, through the colour table)
// and its line.
export function paintBoundary(patch) {
  const b = state.boundary;
  if (!b || !b.area) return;
  b.frame = patch;
  const W = b.area.width, H = b.area.height, nx = b.nx, ny = b.ny;
  const z = decode(patch.z), words = b.words, lut = b.lut;
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;  // z's first row is the lowest y: the image's last
    for (let i = 0; i < nx; i++) words[row + i] = lut[z[j * nx + i]];
  }
  b.ctx.putImageData(b.pixels, 0, 0);
  // the A2 = 0.5 line: segments x0, y0, x1, y1, one after the other
  const seg = decode(patch.segments);
  const sx = W / (b.x1 - b.x0), sy = H / (b.y1 - b.y0);
  const ctx = fitCanvas(byId("boundary-lines"), W, H);
  ctx.clearRect(0, 0, W, H);
  ctx.beginPath();
  for (let k = 0; k + 3 < seg.length; k += 4) {
    ctx.moveTo((seg[k] - b.x0) * sx, H - (seg[k + 1] - b.y0) * sy);
    ctx.lineTo((seg[k + 2] - b.x0) * sx, H - (seg[k + 3] - b.y0) * sy);
  }
  ctx.strokeStyle = b.lineColor;
  ctx.lineWidth = b.lineWidth;
  ctx.lineJoin = "round";
  ctx.lineCap = "round";
  ctx.stroke();
  const canvas = byId("boundary-canvas");
  if (!canvas.hasAttribute("data-painted")) {
    performance.mark("painted");
    canvas.setAttribute("data-painted", "1");
    state.painted = true;
    tell();
  }
}

// A click on the boundary's plot area, when the page has chosen a class for new
// points: its place in the data's coordinates goes to the server, which adds
// the point (and says so by drawing it).
let clicks = 0;
export function listenForPoints() {
  byId("boundary").addEventListener("click", (event) => {
    const b = state.boundary;
    if (state.clickClass === null || state.clickClass === undefined || !b || !b.area) return;
    const box = byId("boundary-layer").getBoundingClientRect();
    const u = (event.clientX - box.left) / box.width, v = (event.clientY - box.top) / box.height;
    if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) return;
    const x = b.x0 + u * (b.x1 - b.x0), y = b.y1 - v * (b.y1 - b.y0);
    clicks += 1;
    setValue({ id: Date.now() + "." + clicks, point: [x, y] });
  }, true);
}
