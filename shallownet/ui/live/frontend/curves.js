// The curve charts (cost, gradients). plotly draws each only when the network,
// the language or an axis range changes: its axes, legend and titles. While
// playing the curves are painted on two canvases over its plot area, in
// plotly's style for each trace, and plotly's own traces are hidden; at rest
// they go back into plotly's traces, so that hovering over them shows the values.
import { byId, CONFIG, state } from "./state.js";
import { fitCanvas, followLayout, place, plotArea, sameArea } from "./layout.js";
import { covers, extent, liveExtent, niceAbove, rangesFor, STEPS_125 } from "./axes.js";

// The points of each trace of chart ``name`` up to the frame's step: the
// batch's series up to ``upto``, then the frame's own latest values.
function curvePoints(name, item) {
  const s = item.series[name] || {}, f = item.frame, out = {};
  Object.keys(s).forEach((i) => {
    let x = s[i].x.subarray(0, f.upto), y = s[i].y.subarray(0, f.upto);
    const head = f.head[name] && f.head[name][i];
    if (head && (x.length === 0 || head[0] > x[x.length - 1])) {
      const hx = new Float64Array(x.length + 1), hy = new Float64Array(y.length + 1);
      hx.set(x); hy.set(y);
      hx[x.length] = head[0];
      hy[y.length] = head[1] === null ? NaN : head[1];
      x = hx; y = hy;
    }
    out[i] = { x: x, y: y };
  });
  return out;
}

function newCurve(name, fig) {
  const canvases = byId(name + "-live").querySelectorAll("canvas");
  return {
    name: name, gd: byId(name + "-plot"), fig: fig, log: fig.layout.yaxis.type === "log",
    range: null, live: null, area: null, points: null, styles: traceStyles(fig), item: null,
    // the points of the batch shown when it came (drawn once a batch) and the
    // points since (drawn every frame)
    settledCanvas: canvases[0], tailCanvas: canvases[1],
    settledSeries: null, settledKey: null, settledUpto: 0,
  };
}

function curveLayout(curve) {
  const L = curve.fig.layout;
  return Object.assign({}, L, {
    xaxis: Object.assign({}, L.xaxis, { range: curve.range.x, autorange: false }),
    yaxis: Object.assign({}, L.yaxis, { range: curve.range.y, autorange: false }),
  });
}

// plotly draws the chart: with the points as its traces (at rest, for hover),
// or, for a new chart while playing, with empty traces that only make the
// legend (the canvas layer draws).
function plotCurve(curve, live, fresh) {
  const dots = [];
  let traces = curve.fig.data.map((trace, i) => {
    const p = curve.points[i];
    const x = live || !p ? [null] : Array.from(p.x), y = live || !p ? [null] : Array.from(p.y);
    if (x.length === 1 && x[0] !== null) {
      // a single point draws no line: a dot, as a trace of its own that the
      // legend leaves out (a marker in the line's own legend entry would stay
      // there while playing, when plotly does not draw the chart again)
      const line = trace.line || {};
      dots.push({ type: "scatter", x: x, y: y, mode: "markers", showlegend: false, hoverinfo: "skip", cliponaxis: false,
                  marker: { color: line.color, size: 2 * (line.width || 2) + 4 } });
    }
    return Object.assign({}, trace, { x: x, y: y, mode: "lines" });
  });
  traces = traces.concat(dots);
  const gd = curve.gd;
  (fresh ? Plotly.newPlot : Plotly.react)(gd, traces, curveLayout(curve), CONFIG);
  followLayout(gd, () => { placeCurveCanvas(state.curves[curve.name]); }, fresh);
  goLive(curve, live);
}

// Playing, the canvas layer shows the curves and plotly's traces and hover
// labels are hidden (index.html): going live is a change of class, not a
// plotly drawing.
function goLive(curve, live) {
  curve.live = live;
  byId(curve.name).classList.toggle("live", live);
  byId(curve.name + "-live").style.visibility = live ? "visible" : "hidden";
}

// The canvas layer over the chart's plot area (it moves when plotly lays the
// chart out anew), and the curves painted there while playing.
function placeCurveCanvas(curve) {
  if (!curve) return;
  const area = plotArea(curve.gd);
  if (!area) return;
  if (!sameArea(curve.area, area)) {
    curve.area = area;
    place(byId(curve.name + "-live"), area, CURVE_PAD);
  }
  if (curve.live) paintCurve(curve);
}

// Show chart ``name`` at the frame ``item``: live (canvas layer) or at rest (plotly).
export function drawCurve(name, item, live) {
  let curve = state.curves[name], fresh = false;
  if (!curve || state.keys[name] !== item.keys[name]) {
    curve = state.curves[name] = newCurve(name, state.figures[name]);
    state.keys[name] = item.keys[name];
    fresh = true;
  }
  curve.item = item;
  if (fresh || !live) {
    // at rest the axes fit the data again (after a rewind they may shrink)
    curve.points = curvePoints(name, item);
    curve.range = rangesFor(extent(Object.keys(curve.points).map((i) => curve.points[i]), curve.log), curve.log);
    plotCurve(curve, live, fresh);
  } else {
    // the step axis grows to cover the frames already queued, not just this
    // one, so it grows fewer times; and only one chart is laid out anew in a
    // frame (the costliest part of a frame): the other follows in the next
    // frame, its newest point drawn a little past its axis meanwhile.
    const want = rangesFor(liveExtent(name, item, curve.log), curve.log);
    want.x[1] = Math.max(want.x[1], niceAbove(item.ahead || 0, STEPS_125));
    if (!curve.live) goLive(curve, true);
    if (!covers(curve.range, want) && !state.laidOut) {
      state.laidOut = true;
      curve.range = {
        x: [0, Math.max(curve.range.x[1], want.x[1])],
        y: [Math.min(curve.range.y[0], want.y[0]), Math.max(curve.range.y[1], want.y[1])],
      };
      Plotly.relayout(curve.gd, { "xaxis.range": curve.range.x, "yaxis.range": curve.range.y });
    }
  }
  placeCurveCanvas(curve);
}

// --- the canvases, while playing ----------------------------------------------
const CURVE_PAD = 6;  // the layer reaches this far past the plot area: a dot at step 0 is not cut

// each trace's style as plotly draws it, and how far its settled part went
function traceStyles(fig) {
  return fig.data.map((trace) => {
    const line = trace.line || {}, w = line.width || 2;
    return { color: line.color || "#000", width: w, dash: dashPattern(line.dash, w), count: 0, length: 0 };
  });
}

// plotly's dash patterns for a line of width w
function dashPattern(dash, w) {
  const d = Math.max(w, 3);
  return { dot: [d, d], dash: [3 * d, 3 * d], longdash: [5 * d, 5 * d] }[dash] || [];
}

// Draws the live curves of the frame ``curve.item``: the batch's points up to
// the frame's step, then the frame's newest point. What the batch had shown
// when it came is drawn once, on the settled canvas (again when an axis or the
// chart's size changes); each frame draws only the points since, on the tail
// canvas, so a frame costs the same early and late in a run.
function paintCurve(curve) {
  const area = curve.area, item = curve.item;
  if (!area || !item) return;
  const rx = curve.range.x, ry = curve.range.y, log = curve.log, H = area.height;
  const sx = area.width / (rx[1] - rx[0]), sy = H / (ry[1] - ry[0]);
  const series = item.series[curve.name] || {}, f = item.frame;
  const W = area.width + 2 * CURVE_PAD, Hc = H + 2 * CURVE_PAD;
  const key = rx.join() + "/" + ry.join() + "/" + area.width + "x" + H + "/" + (window.devicePixelRatio || 1);
  const resettle = curve.settledSeries !== series || curve.settledKey !== key || curve.settledUpto > f.upto;
  let settled = null;
  if (resettle) {
    curve.settledSeries = series;
    curve.settledKey = key;
    curve.settledUpto = f.upto;
    settled = fitCanvas(curve.settledCanvas, W, Hc);
    settled.clearRect(0, 0, W, Hc);
  }
  const tail = fitCanvas(curve.tailCanvas, W, Hc);
  tail.clearRect(0, 0, W, Hc);
  // a point's place on the canvas, or null: a gap, as plotly leaves
  function at(xv, v) {
    if (v === null || !isFinite(v) || (log && v <= 0)) return null;
    return [CURVE_PAD + (xv - rx[0]) * sx, CURVE_PAD + H - ((log ? Math.log10(v) : v) - ry[0]) * sy];
  }
  curve.fig.data.forEach((trace, i) => {
    const style = curve.styles[i], p = series[i], n = p ? Math.min(f.upto, p.x.length) : 0;
    let k;
    if (!style) return;
    const from = Math.min(n, curve.settledUpto);
    let pts = [];
    if (resettle) {
      for (k = 0; k < from; k++) pts.push(at(p.x[k], p.y[k]));
      const done = polyline(settled, style, pts, 0);
      style.count = done.count;
      style.length = done.length;
    }
    // the rest, from the last settled point on (the line goes on from it), its
    // dashes going on where the settled part's end
    pts = from > 0 ? [at(p.x[from - 1], p.y[from - 1])] : [];
    const overlap = pts.length && pts[0] ? 1 : 0;
    for (k = from; k < n; k++) pts.push(at(p.x[k], p.y[k]));
    const head = f.head[curve.name] && f.head[curve.name][i];
    if (head && (n === 0 || head[0] > p.x[n - 1])) pts.push(at(head[0], head[1]));
    const drawn = polyline(tail, style, pts, style.length);
    if (style.count + drawn.count - overlap === 1) {
      // a single point draws no line: a dot
      tail.beginPath();
      tail.arc(drawn.last[0], drawn.last[1], style.width + 1.5, 0, 2 * Math.PI);
      tail.fillStyle = style.color;
      tail.fill();
    }
  });
}

// Strokes ``pts`` ([x, y] in canvas pixels, null for a gap) in the trace's style,
// its dash pattern starting ``offset`` pixels in; returns how many points were
// drawn, the length drawn and the last point.
function polyline(ctx, style, pts, offset) {
  let count = 0, length = 0, last = null, pen = false;
  ctx.beginPath();
  for (let k = 0; k < pts.length; k++) {
    const q = pts[k];
    if (!q) { pen = false; continue; }
    if (pen) {
      ctx.lineTo(q[0], q[1]);
      length += Math.hypot(q[0] - last[0], q[1] - last[1]);
    } else ctx.moveTo(q[0], q[1]);
    pen = true;
    count++;
    last = q;
  }
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.lineJoin = "round";
  ctx.setLineDash(style.dash);
  ctx.lineDashOffset = offset;
  ctx.stroke();
  return { count: count, length: length, last: last };
}
