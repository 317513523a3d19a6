// The live view's browser side: receives batches of frames from the Streamlit
// script and plays them at an even pace. It knows the layout of the payload
// (ui/frames.py) but no maths: every number arrives computed and every text
// arrives translated.
//
// Speed: plotly.js redraws a whole chart on every change (~30 ms for the
// boundary, ~25 ms for each curve chart in a browser without a GPU, four times
// that on a slow laptop). So plotly draws each chart only when the network, the
// language or an axis range changes: its axes, points, legend and titles. What
// moves is painted on canvases of our own: the metrics' values; under the
// boundary chart the heatmap (a canvas of the grid's size, 100 x 100, that the
// browser's compositor scales to the plot area) and over it the A2 = 0.5 line;
// over each curve chart's plot area the curves. Why canvases and not text and
// SVG paths: any change of text or SVG in the page made the browser lay out,
// paint and layerize the whole page (Streamlit's and this frame's, one document
// tree to it) at every frame, ~15 ms of a 4x throttled client's main thread; a
// canvas whose pixels changed only goes to the compositor (its "Commit", ~8 ms
// there for all of them). A frame costs ~2 ms of JavaScript unthrottled. The
// axes of the curves grow in 1-2-5 steps, ahead of the steps queued, so plotly
// redraws them a handful of times in a whole run. When the view is at rest (not
// playing) the curves go back into plotly's own traces, so that hovering over
// them shows the values.
"use strict";
(function () {
  // --- Streamlit's component protocol (version 1) -------------------------
  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data || {}), "*");
  }

  // The component's value: a request to the server, answered by a run of the panel
  // (ui/panels.py): {id, step} after Pause, {id, figures}, {id, rerun}, {id, point},
  // {id, batch, shown} for the next batch while the stream is not there, and
  // {id, shown} when the page is left for another while playing.
  function setValue(value) {
    send("streamlit:setComponentValue", { value: value, dataType: "json" });
  }

  // --- plotly typed arrays: {dtype, bdata} -> a typed array ---------------
  var DTYPES = { f4: Float32Array, f8: Float64Array, u1: Uint8Array, i4: Int32Array };
  function decode(spec) {
    if (!spec || typeof spec.bdata !== "string") return spec;
    var bin = atob(spec.bdata);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new DTYPES[spec.dtype](bytes.buffer);
  }

  var CONFIG = { displayModeBar: false, responsive: true };
  var CURVES = ["cost", "grads"];
  var TRANSPARENT = "rgba(0,0,0,0)";
  var byId = function (id) { return document.getElementById(id); };

  // Everything the view remembers between messages and frames.
  var state = {
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
    boundary: null,   // the boundary's layer: colours, pixels, grid extent, its area, frame on screen
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

  function status(text) {
    var el = byId("status");
    if (el.textContent !== (text || "")) el.textContent = text || "";
  }

  // --- canvases ----------------------------------------------------------------
  // Everything that changes while playing is painted on a canvas: the numbers,
  // the heatmap, the A2 = 0.5 line and the curves. Any change of the page's text
  // or SVG, however small, made the browser lay out and layerize the whole page
  // again (Streamlit's page and this frame are one document tree to it): ~15 ms
  // a frame on a 4x throttled client, a third of its time at 25 frames a
  // second. A canvas whose pixels change only goes to the compositor: with the
  // text and the paths hidden, that work fell to nothing (Chromium trace,
  // benchmarks/trace_live.py).

  // The canvas's 2d context, its pixels sized for a w x h CSS-pixel box at the
  // screen's density and its drawing in CSS pixels (resizing clears it).
  function fitCanvas(canvas, w, h) {
    var dpr = window.devicePixelRatio || 1;
    var pw = Math.max(1, Math.round(w * dpr)), ph = Math.max(1, Math.round(h * dpr));
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
    }
    var ctx = canvas.getContext("2d");
    ctx.setTransform(pw / w, 0, 0, ph / h, 0, 0);
    return ctx;
  }

  // The metrics: a label, and the value painted on a canvas. The value's text is
  // also its data-value (what tests and benchmarks read) and, at rest, the text
  // of a visually hidden element (what a screen reader reads).
  var metricSizes = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var m = entry.target.__metric;
      if (!m) return;
      var cs = getComputedStyle(m.value);
      m.w = entry.contentRect.width;
      m.h = entry.contentRect.height;
      m.font = [cs.fontWeight, parseFloat(cs.fontSize), cs.fontFamily];
      m.color = cs.color;
      paintMetric(m);
    });
  });

  function buildMetrics(labels) {
    var box = byId("metrics");
    if (metricSizes) metricSizes.disconnect();
    box.innerHTML = "";
    var before = state.metricEls;
    state.metricEls = {};
    labels.forEach(function (pair) {
      var el = document.createElement("div");
      el.className = "metric";
      el.setAttribute("data-testid", "metric-" + pair[0]);
      el.innerHTML = '<div class="label"></div><div class="value"><canvas aria-hidden="true"></canvas>' +
                     '<span class="text"></span></div>';
      el.querySelector(".label").textContent = pair[1];
      box.appendChild(el);
      var value = el.querySelector(".value");
      var m = { value: value, canvas: value.querySelector("canvas"), text: value.querySelector(".text"),
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
  function setMetrics(f, live) {
    Object.keys(f.metrics).forEach(function (key) {
      if (state.metricEls[key]) setMetric(state.metricEls[key], f.metrics[key], live);
    });
  }

  // A value, placed as the page would set its text: at the left, the line's
  // height split evenly above and below the font; narrowed to fit its box.
  function paintMetric(m) {
    if (!(m.w > 0 && m.h > 0) || !m.font) return;
    var ctx = fitCanvas(m.canvas, m.w, m.h), size = m.font[1];
    ctx.clearRect(0, 0, m.w, m.h);
    ctx.font = m.font[0] + " " + size + "px " + m.font[2];
    var metrics = ctx.measureText(m.shown);
    if (metrics.width > m.w) {
      size = Math.max(1, Math.floor(size * m.w / metrics.width));
      ctx.font = m.font[0] + " " + size + "px " + m.font[2];
      metrics = ctx.measureText(m.shown);
    }
    var ascent = metrics.fontBoundingBoxAscent || 0.8 * size, descent = metrics.fontBoundingBoxDescent || 0.2 * size;
    ctx.fillStyle = m.color;
    ctx.fillText(m.shown, 0, (m.h - ascent - descent) / 2 + ascent);
  }

  function decodeSeries(series) {
    var out = {};
    Object.keys(series).forEach(function (name) {
      out[name] = {};
      Object.keys(series[name]).forEach(function (i) {
        out[name][i] = { x: decode(series[name][i].x), y: decode(series[name][i].y) };
      });
    });
    return out;
  }

  // The plot area of a plotly chart, in CSS pixels from the chart's top left: the
  // rectangle of its drag layer, which plotly lays exactly over the plot area.
  function plotArea(gd) {
    var rect = gd.querySelector(".draglayer .xy .nsewdrag") || gd.querySelector(".nsewdrag");
    if (!rect) return null;
    var area = {
      left: +rect.getAttribute("x"), top: +rect.getAttribute("y"),
      width: +rect.getAttribute("width"), height: +rect.getAttribute("height"),
    };
    return area.width > 0 && area.height > 0 ? area : null;
  }

  // Each time plotly lays chart ``gd`` out anew (a resize, a new figure, an axis
  // that grew), ``place`` puts our layer back over its plot area. Plotly.newPlot
  // drops a chart's listeners (``fresh``), so it is listened to again after each.
  function followLayout(gd, place, fresh) {
    if (fresh || !gd.__following) {
      gd.on("plotly_afterplot", place);
      gd.__following = true;
    }
  }

  // Put element ``el`` over ``area`` plus ``pad`` CSS pixels on each side.
  function place(el, area, pad) {
    el.style.left = area.left - pad + "px";
    el.style.top = area.top - pad + "px";
    el.style.width = area.width + 2 * pad + "px";
    el.style.height = area.height + 2 * pad + "px";
  }

  var SVG = "http://www.w3.org/2000/svg";
  function svgPath(parent) {
    var path = document.createElementNS(SVG, "path");
    parent.appendChild(path);
    return path;
  }

  // A number for an SVG path: a tenth of a pixel is finer than any screen
  function num(v) { return Math.round(v * 10) / 10; }

  // an SVG path that draws a dot of radius r at (x, y)
  function dotPath(x, y, r) {
    return "M" + num(x - r) + " " + num(y) + "a" + r + " " + r + " 0 1 0 " + 2 * r + " 0a" + r + " " + r +
           " 0 1 0 " + -2 * r + " 0";
  }

  // --- the boundary chart: plotly for what stays, a canvas for what moves --
  function parseColor(c) {
    var m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
    return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [128, 128, 128];
  }

  // 256 RGB entries along a plotly colorscale [[0, "#..."], ..., [1, "#..."]]
  function colorLut(scale) {
    var lut = new Uint8ClampedArray(256 * 4);
    for (var v = 0; v < 256; v++) {
      var s = v / 255, k = 1;
      while (k < scale.length - 1 && scale[k][0] < s) k++;
      var a = scale[k - 1], b = scale[k], t = (s - a[0]) / ((b[0] - a[0]) || 1);
      var ca = parseColor(a[1]), cb = parseColor(b[1]);
      for (var c = 0; c < 3; c++) lut[4 * v + c] = Math.round(ca[c] + t * (cb[c] - ca[c]));
      lut[4 * v + 3] = 255;
    }
    return lut;
  }

  // The boundary's canvas layer for figure ``fig``: its colours, line style and
  // grid extent. Needs no plotly.js.
  function setupBoundary(fig) {
    var h = null, l = null;
    fig.data.forEach(function (trace) {
      if (trace.type === "heatmap") h = trace;
      else if (trace.mode === "lines") l = trace;
    });
    var xs = decode(h.x), ys = decode(h.y);
    var nx = xs.length, ny = ys.length;
    var canvas = byId("boundary-canvas");
    canvas.width = nx;
    canvas.height = ny;
    byId("boundary-preview").textContent = "";
    var pixels = canvas.getContext("2d").createImageData(nx, ny);
    state.boundary = {
      // a pixel is one 32-bit word (its four bytes, RGBA): a colour is written at once
      lut: new Uint32Array(colorLut(h.colorscale).buffer),
      pixels: pixels, words: new Uint32Array(pixels.data.buffer),
      x0: xs[0], x1: xs[nx - 1], y0: ys[0], y1: ys[ny - 1], nx: nx, ny: ny,
      ctx: canvas.getContext("2d"), lineColor: l.line.color, lineWidth: l.line.width,
      area: null, frame: null,
    };
  }

  function drawBoundaryChart(fig) {
    setupBoundary(fig);
    var data = [], line = null;
    fig.data.forEach(function (trace) {
      if (trace.type === "heatmap") return;
      if (trace.mode === "lines") line = trace;
      else data.push(trace);
    });
    var layout = Object.assign({}, fig.layout, { paper_bgcolor: TRANSPARENT, plot_bgcolor: TRANSPARENT,
                                                 legend: boundaryLegend(fig.layout) });
    // a legend entry for the line, which plotly no longer draws
    data.unshift({ type: "scatter", x: [null], y: [null], mode: "lines", name: line.name,
                   line: line.line, hoverinfo: "skip" });
    var gd = byId("boundary-plot");
    Plotly.newPlot(gd, data, layout, CONFIG);
    followLayout(gd, placeBoundaryCanvas, true);
    placeBoundaryCanvas();
  }

  // In presentation mode the figures come with their legends under the plot
  // (figures.presented). The boundary's square plot leaves room at its side on a
  // wide screen: its legend goes there, and the plot is larger.
  var LEGEND_BESIDE_PX = 1100;
  function boundaryLegend(layout) {
    var legend = layout.legend || {};
    if (!document.body.classList.contains("present") || window.innerWidth < LEGEND_BESIDE_PX) return legend;
    return Object.assign({}, legend, { orientation: "v", x: 1.02, xanchor: "left", y: 1, yanchor: "top",
                                       yref: "paper" });
  }
  var legendBeside = null;
  function followLegend() {
    var gd = byId("boundary-plot"), beside = boundaryLegend({}).orientation === "v";
    if (beside === legendBeside || !state.figures || !gd.data) return;
    legendBeside = beside;
    Plotly.relayout(gd, { legend: boundaryLegend(state.figures.boundary.layout) });
  }

  // Where plotly will put the boundary's plot area, before plotly.js is there:
  // inside the figure's margins, the right one pushed out by the legend (its
  // longest name plus the symbol), square (the axes' scale ratio is 1) and centred.
  // Used once, for the first picture; plotly's own area replaces it.
  function guessBoundaryArea(fig) {
    var gd = byId("boundary-plot"), W = gd.clientWidth, H = gd.clientHeight, m = fig.layout.margin || {};
    var l = m.l || 80, r = m.r || 80, t = m.t || 100, b = m.b || 80;
    var font = ((fig.layout.legend || {}).font || {}).size || 12;
    var ctx = document.createElement("canvas").getContext("2d"), text = 0;
    ctx.font = font + "px " + getComputedStyle(document.body).fontFamily;
    fig.data.forEach(function (trace) {
      if (trace.name && trace.type !== "heatmap") text = Math.max(text, ctx.measureText(trace.name).width);
    });
    var legend = text + LEGEND_EXTRA, x = ((fig.layout.legend || {}).x || 1.02) - 1;
    r = Math.max(r, (legend + x * (W - l)) / (1 + x));
    var w = W - l - r, h = H - t - b, side = Math.min(w, h);
    if (!(side > 0)) return null;
    return { left: l + (w - side) / 2, top: t + (h - side) / 2, width: side, height: side };
  }
  var LEGEND_EXTRA = 57;  // a legend's width beyond its longest name (symbol, gaps, border), as plotly draws it

  // Put the boundary's layer exactly under plotly's plot area (it moves when the
  // chart resizes).
  function placeBoundaryCanvas() {
    var b = state.boundary, area = plotArea(byId("boundary-plot"));
    if (!b || !area) return;
    if (b.area && b.area.left === area.left && b.area.top === area.top &&
        b.area.width === area.width && b.area.height === area.height) return;
    placeBoundary(area);
    byId("boundary-preview").textContent = "";  // plotly draws the points now
    if (b.frame) paintBoundary(b.frame);
  }

  // The layer over ``area``: the grid's values sit at cell centres, which span
  // the axes exactly, so the scaled canvas reaches half a cell past the area on
  // each side (the layer clips it); the line's canvas covers the area.
  function placeBoundary(area) {
    var b = state.boundary, canvas = byId("boundary-canvas");
    b.area = area;
    place(byId("boundary-layer"), area, 0);
    var cw = area.width / (b.nx - 1), ch = area.height / (b.ny - 1);
    canvas.style.left = -cw / 2 + "px";
    canvas.style.top = -ch / 2 + "px";
    canvas.style.width = area.width + cw + "px";
    canvas.style.height = area.height + ch + "px";
  }

  function paintBoundary(patch) {
    var b = state.boundary;
    if (!b || !b.area) return;
    b.frame = patch;
    var W = b.area.width, H = b.area.height, nx = b.nx, ny = b.ny;
    var z = decode(patch.z), words = b.words, lut = b.lut;
    for (var j = 0; j < ny; j++) {
      var row = (ny - 1 - j) * nx;  // z's first row is the lowest y: the image's last
      for (var i = 0; i < nx; i++) words[row + i] = lut[z[j * nx + i]];
    }
    b.ctx.putImageData(b.pixels, 0, 0);
    // the A2 = 0.5 line: segments x0, y0, x1, y1, one after the other
    var seg = decode(patch.segments);
    var sx = W / (b.x1 - b.x0), sy = H / (b.y1 - b.y0);
    var ctx = fitCanvas(byId("boundary-lines"), W, H);
    ctx.clearRect(0, 0, W, H);
    ctx.beginPath();
    for (var k = 0; k + 3 < seg.length; k += 4) {
      ctx.moveTo((seg[k] - b.x0) * sx, H - (seg[k + 1] - b.y0) * sy);
      ctx.lineTo((seg[k + 2] - b.x0) * sx, H - (seg[k + 3] - b.y0) * sy);
    }
    ctx.strokeStyle = b.lineColor;
    ctx.lineWidth = b.lineWidth;
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.stroke();
    var canvas = byId("boundary-canvas");
    if (!canvas.hasAttribute("data-painted")) {
      performance.mark("painted");
      canvas.setAttribute("data-painted", "1");
      state.painted = true;
      tell();
    }
  }

  // --- the curves -------------------------------------------------------------
  // Axis ranges that change seldom: the step axis and a linear y axis end at the
  // next 1-2-5 number (1, 2, 5, 10, 20, ...) above the data, a log axis at whole
  // decades. While playing they only grow, so plotly relays out an axis a few
  // times in a run instead of every frame.
  var STEPS_125 = [1, 2, 5, 10], STEPS_FINE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  function niceAbove(v, steps) {
    if (!(v > 0)) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    for (var i = 0; i < steps.length; i++) if (steps[i] * p >= v * (1 - 1e-12)) return steps[i] * p;
    return 10 * p;
  }

  // The extent of the points that would be drawn: {xMax, lo, hi} over y (positive
  // ys only on a log axis, as plotly also leaves out the others there).
  function extent(points, log) {
    var xMax = 0, lo = Infinity, hi = -Infinity;
    points.forEach(function (p) {
      for (var k = 0; k < p.x.length; k++) {
        var y = p.y[k];
        if (p.x[k] > xMax) xMax = p.x[k];
        if (y === null || !isFinite(y) || (log && y <= 0)) continue;
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
    });
    return { xMax: xMax, lo: lo, hi: hi };
  }

  function rangesFor(ext, log) {
    var x = [0, niceAbove(Math.max(ext.xMax, 10), STEPS_125)];
    var y;
    if (!(ext.hi >= ext.lo)) y = log ? [-3, 0] : [0, 1];
    else if (log) {
      var lo = Math.floor(Math.log10(ext.lo)), hi = Math.ceil(Math.log10(ext.hi));
      y = [lo, hi > lo ? hi : lo + 1];
    } else {
      // a finer series for the values: the curve fills more of the chart's height
      y = [ext.lo >= 0 ? 0 : -niceAbove(-ext.lo, STEPS_FINE), ext.hi > 0 ? niceAbove(ext.hi, STEPS_FINE) : 1];
    }
    return { x: x, y: y };
  }

  function covers(range, want) {
    return range && range.x[1] >= want.x[1] && range.y[0] <= want.y[0] && range.y[1] >= want.y[1];
  }

  // The points of each trace of chart ``name`` up to the frame's step: the
  // batch's series up to ``upto``, then the frame's own latest values.
  function curvePoints(name, item) {
    var s = item.series[name] || {}, f = item.frame, out = {};
    Object.keys(s).forEach(function (i) {
      var x = s[i].x.subarray(0, f.upto), y = s[i].y.subarray(0, f.upto);
      var head = f.head[name] && f.head[name][i];
      if (head && (x.length === 0 || head[0] > x[x.length - 1])) {
        var hx = new Float64Array(x.length + 1), hy = new Float64Array(y.length + 1);
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
    var gd = byId(name + "-plot");
    var canvases = byId(name + "-live").querySelectorAll("canvas");
    // each trace in plotly's style for it, drawn on two canvases: the points of
    // the batch shown when it came (drawn once a batch) and the points since
    // (drawn every frame)
    var styles = fig.data.map(function (trace) {
      var line = trace.line || {}, w = line.width || 2;
      return { color: line.color || "#000", width: w, dash: dashPattern(line.dash, w), count: 0, length: 0 };
    });
    return {
      name: name, gd: gd, fig: fig, log: fig.layout.yaxis.type === "log",
      range: null, live: null, area: null, points: null, styles: styles, item: null,
      settledCanvas: canvases[0], tailCanvas: canvases[1],
      settledSeries: null, settledKey: null, settledUpto: 0,
    };
  }

  function curveLayout(curve) {
    var L = curve.fig.layout;
    return Object.assign({}, L, {
      xaxis: Object.assign({}, L.xaxis, { range: curve.range.x, autorange: false }),
      yaxis: Object.assign({}, L.yaxis, { range: curve.range.y, autorange: false }),
    });
  }

  // plotly draws the chart: with the points as its traces (at rest, for hover),
  // or, for a new chart while playing, with empty traces that only make the
  // legend (the canvas layer draws).
  function plotCurve(curve, live, fresh) {
    var dots = [];
    var traces = curve.fig.data.map(function (trace, i) {
      var p = curve.points[i];
      var x = live || !p ? [null] : Array.from(p.x), y = live || !p ? [null] : Array.from(p.y);
      if (x.length === 1 && x[0] !== null) {
        // a single point draws no line: a dot, as a trace of its own that the
        // legend leaves out (a marker in the line's own legend entry would stay
        // there while playing, when plotly does not draw the chart again)
        var line = trace.line || {};
        dots.push({ type: "scatter", x: x, y: y, mode: "markers", showlegend: false, hoverinfo: "skip", cliponaxis: false,
                    marker: { color: line.color, size: 2 * (line.width || 2) + 4 } });
      }
      return Object.assign({}, trace, { x: x, y: y, mode: "lines" });
    });
    traces = traces.concat(dots);
    var gd = curve.gd;
    (fresh ? Plotly.newPlot : Plotly.react)(gd, traces, curveLayout(curve), CONFIG);
    followLayout(gd, function () { placeCurveCanvas(state.curves[curve.name]); }, fresh);
    goLive(curve, live);
  }

  // Playing, the canvas layer shows the curves and plotly's traces and hover
  // labels are hidden (index.html): going live is a change of class, not a
  // plotly drawing (~300 ms on a 4x throttled client for the two charts, the
  // first frames' time after Play).
  function goLive(curve, live) {
    curve.live = live;
    byId(curve.name).classList.toggle("live", live);
    byId(curve.name + "-live").style.visibility = live ? "visible" : "hidden";
  }

  function placeCurveCanvas(curve) {
    if (!curve) return;
    var area = plotArea(curve.gd);
    if (!area) return;
    if (!curve.area || curve.area.left !== area.left || curve.area.top !== area.top ||
        curve.area.width !== area.width || curve.area.height !== area.height) {
      curve.area = area;
      place(byId(curve.name + "-live"), area, CURVE_PAD);
    }
    if (curve.live) paintCurve(curve);
  }

  var CURVE_PAD = 6;  // the layer reaches this far past the plot area: a dot at step 0 is not cut

  // plotly's dash patterns for a line of width w
  function dashPattern(dash, w) {
    var d = Math.max(w, 3);
    return { dot: [d, d], dash: [3 * d, 3 * d], longdash: [5 * d, 5 * d] }[dash] || [];
  }

  // Draws the live curves of the frame ``curve.item``: the batch's points up to
  // the frame's step, then the frame's newest point. What the batch had shown
  // when it came is drawn once (again when an axis or the chart's size changes);
  // each frame draws only the points since, so a frame costs the same early and
  // late in a run (a frame drawing all ~3,000 points took ~4x longer).
  function paintCurve(curve) {
    var area = curve.area, item = curve.item;
    if (!area || !item) return;
    var rx = curve.range.x, ry = curve.range.y, log = curve.log, H = area.height;
    var sx = area.width / (rx[1] - rx[0]), sy = H / (ry[1] - ry[0]);
    var series = item.series[curve.name] || {}, f = item.frame;
    var W = area.width + 2 * CURVE_PAD, Hc = H + 2 * CURVE_PAD;
    var key = rx.join() + "/" + ry.join() + "/" + area.width + "x" + H + "/" + (window.devicePixelRatio || 1);
    var resettle = curve.settledSeries !== series || curve.settledKey !== key || curve.settledUpto > f.upto;
    var settled = null;
    if (resettle) {
      curve.settledSeries = series;
      curve.settledKey = key;
      curve.settledUpto = f.upto;
      settled = fitCanvas(curve.settledCanvas, W, Hc);
      settled.clearRect(0, 0, W, Hc);
    }
    var tail = fitCanvas(curve.tailCanvas, W, Hc);
    tail.clearRect(0, 0, W, Hc);
    // a point's place on the canvas, or null: a gap, as plotly leaves
    function at(xv, v) {
      if (v === null || !isFinite(v) || (log && v <= 0)) return null;
      return [CURVE_PAD + (xv - rx[0]) * sx, CURVE_PAD + H - ((log ? Math.log10(v) : v) - ry[0]) * sy];
    }
    curve.fig.data.forEach(function (trace, i) {
      var style = curve.styles[i], p = series[i], n = p ? Math.min(f.upto, p.x.length) : 0, k;
      if (!style) return;
      var from = Math.min(n, curve.settledUpto), pts = [];
      if (resettle) {
        for (k = 0; k < from; k++) pts.push(at(p.x[k], p.y[k]));
        var done = polyline(settled, style, pts, 0);
        style.count = done.count;
        style.length = done.length;
      }
      // the rest, from the last settled point on (the line goes on from it), its
      // dashes going on where the settled part's end
      pts = from > 0 ? [at(p.x[from - 1], p.y[from - 1])] : [];
      var overlap = pts.length && pts[0] ? 1 : 0;
      for (k = from; k < n; k++) pts.push(at(p.x[k], p.y[k]));
      var head = f.head[curve.name] && f.head[curve.name][i];
      if (head && (n === 0 || head[0] > p.x[n - 1])) pts.push(at(head[0], head[1]));
      var drawn = polyline(tail, style, pts, style.length);
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
    var count = 0, length = 0, last = null, pen = false;
    ctx.beginPath();
    for (var k = 0; k < pts.length; k++) {
      var q = pts[k];
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

  // The extent of a batch's series (computed once a batch) and a frame's newest
  // points: while playing the axes cover the whole batch, which the frames
  // then show bit by bit.
  var seriesExtents = new WeakMap();
  function liveExtent(name, item, log) {
    var s = item.series[name] || {}, cached = seriesExtents.get(s) || {};
    var key = log ? "log" : "linear";
    if (!cached[key]) {
      cached[key] = extent(Object.keys(s).map(function (i) { return s[i]; }), log);
      seriesExtents.set(s, cached);
    }
    var e = cached[key], head = item.frame.head[name] || {};
    var out = { xMax: e.xMax, lo: e.lo, hi: e.hi };
    Object.keys(head).forEach(function (i) {
      var x = head[i][0], y = head[i][1];
      if (x > out.xMax) out.xMax = x;
      if (y === null || !isFinite(y) || (log && y <= 0)) return;
      if (y < out.lo) out.lo = y;
      if (y > out.hi) out.hi = y;
    });
    return out;
  }

  // Show chart ``name`` at the frame ``item``: live (canvas layer) or at rest (plotly).
  function drawCurve(name, item, live) {
    var curve = state.curves[name], fresh = false;
    if (!curve || state.keys[name] !== item.keys[name]) {
      curve = state.curves[name] = newCurve(name, state.figures[name]);
      state.keys[name] = item.keys[name];
      fresh = true;
    }
    curve.item = item;
    if (fresh || !live) {
      // at rest the axes fit the data again (after a rewind they may shrink)
      curve.points = curvePoints(name, item);
      curve.range = rangesFor(extent(Object.keys(curve.points).map(function (i) { return curve.points[i]; }),
                                     curve.log), curve.log);
      plotCurve(curve, live, fresh);
    } else {
      // the step axis grows to cover the frames already queued, not just this
      // one, so it grows fewer times; and only one chart is laid out anew in a
      // frame (~100 ms each on a slow client): the other follows in the next
      // frame, its newest point drawn a little past its axis meanwhile.
      var want = rangesFor(liveExtent(name, item, curve.log), curve.log);
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

  // how long each frame took to draw (ms), the last 200, for the benchmark
  window.__drawMs = [];
  // frames received while playing and frames drawn, counted for the load benchmark
  window.__framesReceived = 0;
  window.__framesDrawn = 0;

  // Show one frame: its numbers, its boundary, and the curves up to its step.
  function show(item, live) {
    var started = performance.now();
    state.laidOut = false;
    var f = item.frame;
    state.shown = f.step;
    state.shownRev = state.rev;
    if (live) writeAddress();
    setMetrics(f, live);
    if (state.keys.boundary !== item.keys.boundary) {
      drawBoundaryChart(state.figures.boundary);
      state.keys.boundary = item.keys.boundary;
    }
    paintBoundary(f.boundary);
    CURVES.forEach(function (name) { drawCurve(name, item, live); });
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

  // While playing, the page's address names the step on screen (at rest the
  // server writes it): its other parameters as the newest run of the page gave
  // them (``address``), rewritten in place at most every ADDRESS_MS, so that a
  // reload or a copied address gives the network on screen.
  var ADDRESS_MS = 500;
  function writeAddress() {
    var now = performance.now();
    if (!state.address || now - state.addressAt < ADDRESS_MS) return;
    state.addressAt = now;
    try {
      var loc = window.parent.location, params = new URLSearchParams(state.address);
      params.set("step", String(state.shown));
      var search = "?" + params.toString();
      if (loc.search !== search) window.parent.history.replaceState(window.parent.history.state, "", loc.pathname + search + loc.hash);
    } catch (e) { /* not embedded in the app */ }
  }

  // The charts take the height the browser window has left below the view's top,
  // so that on a 1280 x 720 projector the whole view fits on the screen without
  // scrolling; measured at the first drawing and when the window is resized
  // (not when a message above comes or goes, which would make the charts jump).
  function fitHeight() {
    var h = 600;
    try {
      var host = window.frameElement, parent = window.parent;
      var top = host.getBoundingClientRect().top + parent.scrollY + byId("charts").offsetTop;
      // the room below the view: the page's own bottom padding, less in presentation mode
      h = parent.innerHeight - top - (document.body.classList.contains("present") ? 20 : 24);
    } catch (e) { /* not embedded: keep the default */ }
    h = Math.round(Math.max(340, Math.min(720, h)));
    if (h === state.chartHeight) return;
    state.chartHeight = h;
    document.documentElement.style.setProperty("--chart-h", h + "px");
    ["boundary-plot", "cost-plot", "grads-plot"].forEach(function (id) {
      var gd = byId(id);
      if (gd && gd.data) Plotly.Plots.resize(gd);
    });
    reportHeight();
  }

  function reportHeight() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== state.lastHeight) { state.lastHeight = h; send("streamlit:setFrameHeight", { height: h }); }
  }

  // Pause, heard at the click rather than when the server's answer arrives: the
  // frames still queued are dropped and the picture stays; the server is then
  // asked to come back to it (see onRender). Play lifts the freeze. A click on
  // any button also wants plotly.js now, if it is still waiting (loadPlotly).
  try {
    window.parent.document.addEventListener("click", function (event) {
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

  // Whether ``link`` (an anchor, or null) goes to another page of the app.
  function leaves(link) {
    if (!link) return false;
    try {
      var to = new URL(link.href, window.parent.location.href);
      return to.origin === window.parent.location.origin && to.pathname !== window.parent.location.pathname;
    } catch (e) { return false; }
  }

  // Each frame's heatmap is a slice of the bytes that come beside the payload
  // (ui/live.py, split_heatmaps).
  function attachHeatmaps(p, blob) {
    if (p.heatmapsAttached) return;
    p.heatmapsAttached = true;
    var bytes = blob instanceof Uint8Array ? blob : new Uint8Array(blob || 0);
    p.frames.forEach(function (f) {
      var z = f.boundary.z;
      if (z && typeof z.offset === "number") f.boundary.z = bytes.subarray(z.offset, z.offset + z.length);
    });
  }

  // The live stream (ui/stream.py): while playing, the batches come over a
  // websocket of the page's server, not as the component's argument (each of
  // those is a script run, and the whole of Streamlit's page renders again).
  // Connected at the first payload and kept open. The stream is an upgrade: when
  // the socket cannot open within STREAM_OPEN_MS, or closes, the view asks for
  // each batch with the component's value instead (pull, answered by a run of
  // the panel), and tries the socket again, less and less often; once a batch
  // comes over it again, the asking stops.
  var STREAM_OPEN_MS = 1500;
  var STREAM_FIRST_BATCH_MS = 4000; // an open socket that brings no batch this long after Play is not used
  var RETRY_MAX_MS = 16000;
  var PULL_AHEAD_MS = 1200;  // a batch is asked for when no more than this much is queued
  var PULL_RETRY_MS = 3000;  // an unanswered request is made again after this long (it was overtaken)
  var REPORT_MS = 250;       // how often the step on screen is told over the stream while playing

  function connect(info) {
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
    var path = location.pathname, cut = path.indexOf("/component/");
    var root = cut >= 0 ? path.slice(0, cut) : "";
    var socket;
    try {
      socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host +
                             root + info.path + "?token=" + encodeURIComponent(info.token));
    } catch (e) { streamDown(); return; }
    socket.binaryType = "arraybuffer";
    socket.token = info.token;
    setTimeout(function () { if (state.socket === socket && socket.readyState !== 1) streamDown(); }, STREAM_OPEN_MS);
    socket.onopen = function () {
      state.openedAt = performance.now();
      state.retryMs = 1000;
      tell();
      report(true);
    };
    socket.onmessage = function (event) {
      // the payload's JSON length (4 bytes, little-endian), the JSON, the heatmaps
      var n = new DataView(event.data).getUint32(0, true);
      var payload = JSON.parse(new TextDecoder().decode(new Uint8Array(event.data, 4, n)));
      onRender({ payload: payload, heatmaps: new Uint8Array(event.data, 4 + n) }, true);
    };
    socket.onclose = function () {
      if (state.socket !== socket) return;
      state.socket = null;
      streamDown();
      setTimeout(function () { connect(null); }, state.retryMs);
      state.retryMs = Math.min(RETRY_MAX_MS, 2 * state.retryMs);
    };
    state.socket = socket;
  }

  // The batches come over the stream: its socket is open and, in this run of
  // Play, has brought a batch or may still bring its first.
  function streaming() {
    var socket = state.socket;
    if (!socket || socket.readyState !== 1) return false;
    if (state.streamBatches > 0) return true;
    return performance.now() - Math.max(state.playingSince, state.openedAt) < STREAM_FIRST_BATCH_MS;
  }

  // The stream is not there: ask for a batch now. The first such request also ends
  // what a first visit's page waits for from the stream (ui/panels.py, head_start).
  function streamDown() {
    if (state.streamDown) return;
    state.streamDown = true;
    pull(true);
  }

  function pull(always) {
    var now = performance.now();
    if (state.pullId !== null && now - state.pullAt < PULL_RETRY_MS) return;
    if (!always && (!state.serverPlaying || state.frozen || streaming())) return;
    if (!always && state.queue.length * state.frameMs > PULL_AHEAD_MS) return;
    state.pulls += 1;
    state.pullId = "batch." + Date.now() + "." + state.pulls;
    state.pullAt = now;
    setValue({ id: state.pullId, batch: true, shown: state.shown });
  }

  // While the server plays and no batch comes over the stream, this keeps asking.
  setInterval(function () { pull(false); }, 250);

  // The step on screen, told over the stream: every REPORT_MS while playing, and
  // at once (``now``) when the page is left for another (a lecture page pauses
  // training on it).
  function report(now) {
    var socket = state.socket, t = performance.now();
    if (!socket || socket.readyState !== 1 || state.shown === null) return;
    if (!now && t - state.lastReport < REPORT_MS) return;
    state.lastReport = t;
    socket.send("shown:" + state.shown);
  }

  // On a session's first visit the server draws the page in parts, each once the
  // view says the one before is on the screen (ui/panels.py, head_start): the
  // buttons once the first boundary is painted ("painted"), the sidebar once the
  // buttons show ("buttons"). Each is told once, when it is so and the socket is
  // open; later visits of the session do not wait, and a told signal is harmless.
  function tell() {
    var socket = state.socket;
    if (!socket || socket.readyState !== 1) return;
    var now = { painted: state.painted, buttons: state.painted && pageShows(".st-key-play button") };
    Object.keys(now).forEach(function (signal) {
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

  // A payload: from a script run (the component's argument), or from the stream.
  // Both come from one counter on the server, so one older than the last handled
  // is stale (the two paths race). A batch is a payload from the stream, or the
  // answer to our request for one (``pulled``).
  function onRender(args, fromStream) {
    var p = args.payload;
    if (!p) return;
    var pulled = p.pulled !== undefined && p.pulled !== null;
    var batch = fromStream || pulled;
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
    attachHeatmaps(p, args.heatmaps);
    state.lastId = p.id;
    state.texts = p.texts;
    if (p.address) state.address = p.address;
    state.clickClass = p.click_class;
    if (document.body.classList.contains("present") !== !!p.present) {
      // the mode switched: the charts take the height the page leaves them now
      document.body.classList.toggle("present", !!p.present);
      if (state.chartHeight !== null) fitHeight();
    }
    byId("boundary").classList.toggle("adding", p.click_class !== null && p.click_class !== undefined);
    if (typeof Plotly === "undefined") {
      // plotly.js is parsed only after the first picture is on the screen: that
      // parse is most of what the first drawing would wait for (~0.35 s here,
      // seconds on a slow laptop). Meanwhile the numbers and the boundary show.
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
    var newRev = p.rev !== state.rev;
    if (newRev) {
      state.rev = p.rev;
      state.queue = [];
    }
    var labels = JSON.stringify(p.metric_labels);
    if (labels !== state.metricLabels) {  // a new network or another language
      state.metricLabels = labels;
      buildMetrics(p.metric_labels);
    }
    // in presentation mode no message comes above the view (they are beside the
    // buttons), so the charts follow the view's place as the page settles
    if (state.chartHeight === null || document.body.classList.contains("present")) fitHeight();
    var keys = JSON.stringify(p.keys);
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
    var series = decodeSeries(p.series);
    var items = p.frames.map(function (frame) { return { frame: frame, series: series, keys: p.keys }; });
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
        var queue = state.queue;
        if (!queue.length) state.nextDue = performance.now();
        queue.push.apply(queue, items);
        // never lag more than two batches behind the server
        if (queue.length > 2 * items.length) queue.splice(0, queue.length - 2 * items.length);
        wake();
      } else {
        // At rest. After Pause the server is ahead of the screen: the view asks it
        // to come back to the frame on screen rather than jump forward, and shows
        // nothing until the answer. A busy browser skips messages that newer ones
        // overtake, so the offer stands in every message until it is answered.
        state.queue = [];
        var last = items[items.length - 1], shown = state.shown;
        var sameRun = shown !== null && p.rev === state.shownRev;
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

  // The first payload's numbers and boundary, painted without plotly.js.
  function preview(p) {
    if (!p.figures || state.previewed) return;
    state.previewed = true;
    state.metricLabels = JSON.stringify(p.metric_labels);
    buildMetrics(p.metric_labels);
    if (state.chartHeight === null) fitHeight();
    var f = p.frames[p.frames.length - 1];
    setMetrics(f, false);
    setupBoundary(p.figures.boundary);
    var area = guessBoundaryArea(p.figures.boundary);
    if (!area) return;
    placeBoundary(area);
    paintBoundary(f.boundary);
    paintPoints(p.figures.boundary);
    reportHeight();
  }

  // The data points over the previewed boundary, as plotly will draw them (until
  // it does, and they are taken away): one SVG path of dots per trace.
  function paintPoints(fig) {
    var b = state.boundary, W = b.area.width, H = b.area.height, group = byId("boundary-preview");
    var sx = W / (b.x1 - b.x0), sy = H / (b.y1 - b.y0);
    fig.data.forEach(function (trace) {
      if (trace.mode !== "markers") return;
      var x = decode(trace.x), y = decode(trace.y), m = trace.marker || {}, edge = m.line || {};
      var path = svgPath(group), r = (m.size || 6) / 2, d = "";
      for (var k = 0; k < x.length; k++) d += dotPath((x[k] - b.x0) * sx, H - (y[k] - b.y0) * sy, r);
      path.setAttribute("d", d);
      path.setAttribute("fill", m.color);
      if (edge.width) {
        path.setAttribute("stroke", edge.color || m.color);
        path.setAttribute("stroke-width", edge.width);
      }
    });
  }

  // Load plotly.js (index.html has it preloaded) once the preview is on the screen
  // and the page around it is drawn; then handle the newest message that waited
  // for it. plotly's parse and first charts take ~0.5 s here, seconds on a slow
  // laptop, and on a first visit they would hold back the page's buttons and
  // sidebar, which the server sends only after the preview (see tell). The page
  // is drawn when its last element, the language switch, shows; a click on a
  // button of the page, or PLOTLY_WAIT_MS, loads plotly at once.
  var PLOTLY_WAIT_MS = 12000;

  function loadPlotly() {
    if (state.plotlyRequested) return;
    state.plotlyRequested = true;
    var since = performance.now();
    (function whenThePageIsDrawn() {
      tell();
      if (!state.plotlyNow && !pageShows(".st-key-lang") && performance.now() - since < PLOTLY_WAIT_MS) {
        setTimeout(whenThePageIsDrawn, 50);
        return;
      }
      window.requestAnimationFrame(function () {
        setTimeout(function () {
          var script = document.createElement("script");
          script.src = "plotly-basic.min.js";
          script.onload = function () {
            var waiting = state.waiting;
            state.waiting = null;
            if (waiting) onRender(waiting.args, waiting.fromStream);
          };
          script.onerror = function () { status(state.texts.no_plotly); };
          document.head.appendChild(script);
        }, 0);
      });
    })();
  }

  // A click on the boundary's plot area, when the page has chosen a class for new
  // points: its place in the data's coordinates goes to the server, which adds
  // the point (and says so by drawing it).
  var clicks = 0;
  byId("boundary").addEventListener("click", function (event) {
    var b = state.boundary;
    if (state.clickClass === null || state.clickClass === undefined || !b || !b.area) return;
    var box = byId("boundary-layer").getBoundingClientRect();
    var u = (event.clientX - box.left) / box.width, v = (event.clientY - box.top) / box.height;
    if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) return;
    var x = b.x0 + u * (b.x1 - b.x0), y = b.y1 - v * (b.y1 - b.y0);
    clicks += 1;
    setValue({ id: Date.now() + "." + clicks, point: [x, y] });
  }, true);

  // The animation runs only while frames are queued: an idle page asking for
  // every animation frame cost its browser ~7% of a core (measured with 8 idle
  // pages, benchmarks/bench_load.py), a laptop's battery on a page left open.
  function wake() {
    if (!state.ticking) { state.ticking = true; window.requestAnimationFrame(tick); }
  }

  var AXIS_LEAD_MS = 2000;

  function tick(now) {
    if (state.queue.length && now >= state.nextDue) {
      // keep an even pace on average, but never try to catch up on a stall
      state.nextDue = Math.max(state.nextDue + state.frameMs, now + state.frameMs / 2);
      var item = state.queue.shift();
      // where the step axis grows to: the newest step queued, and as far again as
      // the steps go in AXIS_LEAD_MS at the pace of the queue. Each growth makes
      // plotly lay the axes out anew (~30 ms, ~120 ms on a 4x slower client), so
      // fewer, larger ones: about 2, 6, 18 s into a run at the default speed.
      var newest = state.queue.length ? state.queue[state.queue.length - 1].frame.step : item.frame.step;
      var perMs = state.queue.length ? (newest - item.frame.step) / (state.queue.length * state.frameMs) : 0;
      item.ahead = newest + Math.max(0, perMs) * AXIS_LEAD_MS;
      try { show(item, true); } catch (e) { status(state.texts.draw_error + " " + e); }
      report(false);
      pull(false);
    }
    if (state.queue.length) window.requestAnimationFrame(tick);
    else state.ticking = false;
  }

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") onRender(event.data.args);
  });
  window.addEventListener("resize", function () {
    reportHeight();
    if (typeof Plotly !== "undefined") followLegend();
  });
  try {
    window.parent.addEventListener("resize", function () { state.chartHeight = -1; fitHeight(); });
  } catch (e) { /* not embedded */ }
  send("streamlit:componentReady", { apiVersion: 1 });
})();
