// The boundary chart: plotly draws what stays (axes, points, legend, titles);
// what moves is painted on canvases of our own under plotly's transparent plot,
// from the frame's network: with WebGL (gl.js) the heatmap and the A2 = 0.5 line
// in one canvas at the screen's resolution; without it (network.js) the heatmap
// on the grid of the figure (a canvas of the grid's size, that the browser's
// compositor scales to the plot area) and the line traced over it.
import { byId, CONFIG, decode, presenting, state } from "./state.js";
import { fitCanvas, followLayout, place, plotArea, sameArea } from "./layout.js";
import { setValue } from "./protocol.js";
import { tell } from "./first.js";
import { glRenderer, SOFTWARE_BUDGET } from "./gl.js";
import { outputOnGrid, sigmoid, zeroSegments } from "./network.js";

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
  const xs = Float64Array.from(decode(h.x)), ys = Float64Array.from(decode(h.y));
  const nx = xs.length, ny = ys.length, lut = colorLut(h.colorscale);
  byId("boundary-preview").textContent = "";
  const b = state.boundary || {};
  state.boundary = b;
  Object.assign(b, {
    // a pixel is one 32-bit word (its four bytes, RGBA): a colour is written at once
    lut: new Uint32Array(lut.buffer),
    xs: xs, ys: ys, x0: xs[0], x1: xs[nx - 1], y0: ys[0], y1: ys[ny - 1], nx: nx, ny: ny,
    lineColor: l.line.color, lineWidth: l.line.width, area: null, frame: null,
  });
  // a canvas holds one kind of context for good: WebGL's is made once, and a lost
  // one gives its place to a new canvas drawn without it
  if (b.gl === undefined) {
    b.gl = glRenderer(byId("boundary-canvas"), lut, { color: b.lineColor, width: b.lineWidth });
    if (b.gl) byId("boundary-lines").style.display = "none";
  }
  if (b.gl && b.gl.lost()) withoutWebGL();
  if (!b.gl) setupGrid();
}

// The view from now on without WebGL: a 2d canvas of the grid's size.
function withoutWebGL() {
  const b = state.boundary, old = byId("boundary-canvas");
  if (old.getContext("2d") === null) {
    const canvas = old.cloneNode(false);
    old.replaceWith(canvas);
  }
  b.gl = null;
  byId("boundary-lines").style.display = "";
  setupGrid();
  if (b.area) placeBoundary(b.area);
}

function setupGrid() {
  const b = state.boundary, canvas = byId("boundary-canvas");
  canvas.width = b.nx;
  canvas.height = b.ny;
  b.ctx = canvas.getContext("2d");
  b.pixels = b.ctx.createImageData(b.nx, b.ny);
  b.words = new Uint32Array(b.pixels.data.buffer);
  b.Z2 = new Float64Array(b.nx * b.ny);
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

// The layer over ``area``. With WebGL the canvas covers the area, a pixel of it
// for each of the screen's. Without, the grid's values sit at cell centres, which
// span the axes exactly, so the scaled canvas reaches half a cell past the area
// on each side (the layer clips it); the line's canvas covers the area.
export function placeBoundary(area) {
  const b = state.boundary, canvas = byId("boundary-canvas");
  b.area = area;
  place(byId("boundary-layer"), area, 0);
  if (b.gl) {
    Object.assign(canvas.style, { left: "0px", top: "0px", width: area.width + "px", height: area.height + "px" });
    return;
  }
  const cw = area.width / (b.nx - 1), ch = area.height / (b.ny - 1);
  canvas.style.left = -cw / 2 + "px";
  canvas.style.top = -ch / 2 + "px";
  canvas.style.width = area.width + cw + "px";
  canvas.style.height = area.height + ch + "px";
}

// A frame's boundary, from its network ``net`` (Float32Array, network.js).
export function paintBoundary(net) {
  const b = state.boundary;
  if (!b || !b.area || !net) return;
  b.frame = net;
  if (b.gl && b.gl.lost()) withoutWebGL();
  if (b.gl) {
    fitGlCanvas((net.length - 1) / 4);
    b.gl.draw(net, state.activation, [b.x0, b.y0, b.x1, b.y1]);
  } else {
    paintOnGrid(net);
  }
  const canvas = byId("boundary-canvas");
  if (!canvas.hasAttribute("data-painted")) {
    performance.mark("painted");
    canvas.setAttribute("data-painted", b.gl ? "webgl" : "grid");
    state.painted = true;
    tell();
  }
}

// The WebGL canvas's pixels: the screen's over the plot area; on a software
// renderer, for a network of ``n1`` units, as many as its budget allows (gl.js,
// SOFTWARE_BUDGET) but no fewer than the grid's, which the view draws without WebGL.
function fitGlCanvas(n1) {
  const b = state.boundary, canvas = byId("boundary-canvas"), W = b.area.width, H = b.area.height;
  let scale = window.devicePixelRatio || 1;
  if (b.gl.software) {
    const budget = Math.sqrt(SOFTWARE_BUDGET / (W * H * n1)), grid = Math.max(b.nx, b.ny) / Math.min(W, H);
    scale = Math.min(scale, Math.max(budget, grid));
  }
  const pw = Math.max(1, Math.round(W * scale)), ph = Math.max(1, Math.round(H * scale));
  if (canvas.width !== pw || canvas.height !== ph) {
    canvas.width = pw;
    canvas.height = ph;
  }
}

// Without WebGL: A2 on the grid through the colour table (the level quantised to
// 0..255 as the server's pictures are), and the A2 = 0.5 line traced on Z2 = 0.
function paintOnGrid(net) {
  const b = state.boundary, W = b.area.width, H = b.area.height, nx = b.nx, ny = b.ny;
  const Z2 = outputOnGrid(net, state.activation, b.xs, b.ys, b.Z2), words = b.words, lut = b.lut;
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;  // the grid's first row is the lowest y: the image's last
    for (let i = 0; i < nx; i++) {
      const a2 = sigmoid(Z2[j * nx + i]);
      words[row + i] = lut[a2 === a2 ? Math.round(a2 * 255) : 128];
    }
  }
  b.ctx.putImageData(b.pixels, 0, 0);
  const seg = zeroSegments(b.xs, b.ys, Z2);
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
