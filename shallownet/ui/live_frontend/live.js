// The live view's browser side: receives batches of frames from the Streamlit
// script and plays them at an even pace. It knows the layout of the payload
// (ui/playground.py) but no maths: every number arrives computed and every text
// arrives translated.
//
// Speed: plotly.js redraws a whole chart on every change, which for the boundary
// (a heatmap and hundreds of SVG points) costs ~30 ms a frame in a browser
// without a GPU. So plotly draws the boundary chart once per network (axes,
// points, legend), with a transparent plot area, and the part that moves, the
// heatmap and the A2 = 0.5 line, is painted on a canvas underneath: ~1 ms a frame.
// The two curve charts are redrawn by plotly, as they are cheap.
"use strict";
(function () {
  // --- Streamlit's component protocol (version 1) -------------------------
  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data || {}), "*");
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

  var lastId = null;      // the last payload handled
  var rev = null;         // the network the frames belong to; a new one drops queued frames
  var keys = {};          // chart name -> the figure key it was drawn with
  var figures = null;     // {boundary, cost, grads}: plotly figures without their live data
  var queue = [];         // frames waiting to be shown, oldest first
  var frameMs = 40;       // pace of the animation
  var nextDue = 0;
  var metricEls = {};
  var lastHeight = 0;
  var under = null;       // the boundary's canvas layer: colours, line style, grid extent
  var current = null;     // the frame on screen, to repaint the canvas on resize
  var texts = {};         // the view's own messages, in the page's language

  function status(text) { byId("status").textContent = text || ""; }

  function buildMetrics(labels) {
    var box = byId("metrics");
    box.innerHTML = "";
    metricEls = {};
    labels.forEach(function (pair) {
      var el = document.createElement("div");
      el.className = "metric";
      el.setAttribute("data-testid", "metric-" + pair[0]);
      el.innerHTML = '<div class="label"></div><div class="value"></div>';
      el.querySelector(".label").textContent = pair[1];
      box.appendChild(el);
      metricEls[pair[0]] = el.querySelector(".value");
    });
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

  function drawBoundaryChart(fig) {
    var data = [], heat = null, line = null;
    fig.data.forEach(function (trace, i) {
      if (trace.type === "heatmap") heat = i;
      else if (trace.mode === "lines") line = i;
      else data.push(trace);
    });
    var h = fig.data[heat], l = fig.data[line];
    var xs = decode(h.x), ys = decode(h.y);
    under = {
      lut: colorLut(h.colorscale),
      lineColor: l.line.color, lineWidth: l.line.width,
      x0: xs[0], x1: xs[xs.length - 1], y0: ys[0], y1: ys[ys.length - 1],
      nx: xs.length, ny: ys.length,
    };
    var layout = Object.assign({}, fig.layout, { paper_bgcolor: TRANSPARENT, plot_bgcolor: TRANSPARENT });
    // a legend entry for the line, which plotly no longer draws
    data.unshift({ type: "scatter", x: [null], y: [null], mode: "lines", name: l.name,
                   line: l.line, hoverinfo: "skip" });
    var gd = byId("boundary-plot");
    Plotly.newPlot(gd, data, layout, CONFIG);
    if (!gd.__placed) {
      gd.on("plotly_afterplot", placeCanvas);
      gd.__placed = true;
    }
    placeCanvas();
  }

  // Put the canvas exactly over plotly's plot area (it moves when the chart resizes).
  function placeCanvas() {
    var gd = byId("boundary-plot");
    if (!gd._fullLayout || !gd._fullLayout.xaxis) return;
    var xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    var canvas = byId("boundary-canvas"), ratio = window.devicePixelRatio || 1;
    canvas.style.left = xa._offset + "px";
    canvas.style.top = ya._offset + "px";
    canvas.style.width = xa._length + "px";
    canvas.style.height = ya._length + "px";
    canvas.width = Math.round(xa._length * ratio);
    canvas.height = Math.round(ya._length * ratio);
    if (current) paintUnder(current);
  }

  var heatCanvas = document.createElement("canvas");

  function paintUnder(patch) {
    var canvas = byId("boundary-canvas");
    var ctx = canvas.getContext("2d"), W = canvas.width, H = canvas.height;
    if (!under || !W || !H) return;
    var z = decode(patch.z), nx = under.nx, ny = under.ny;
    heatCanvas.width = nx;
    heatCanvas.height = ny;
    var hctx = heatCanvas.getContext("2d"), img = hctx.createImageData(nx, ny), px = img.data, lut = under.lut;
    for (var j = 0; j < ny; j++) {
      var row = (ny - 1 - j) * nx;  // z's first row is the lowest y: the canvas's last
      for (var i = 0; i < nx; i++) {
        var o = 4 * (row + i), v = 4 * z[j * nx + i];
        px[o] = lut[v]; px[o + 1] = lut[v + 1]; px[o + 2] = lut[v + 2]; px[o + 3] = 255;
      }
    }
    hctx.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    // the grid's values sit at cell centres, which span the axes exactly
    ctx.drawImage(heatCanvas, 0.5, 0.5, nx - 1, ny - 1, 0, 0, W, H);
    // the A2 = 0.5 line: segments x0, y0, x1, y1, one after the other
    var seg = decode(patch.segments);
    var sx = W / (under.x1 - under.x0), sy = H / (under.y1 - under.y0);
    ctx.beginPath();
    for (var k = 0; k + 3 < seg.length; k += 4) {
      ctx.moveTo((seg[k] - under.x0) * sx, H - (seg[k + 1] - under.y0) * sy);
      ctx.lineTo((seg[k + 2] - under.x0) * sx, H - (seg[k + 3] - under.y0) * sy);
    }
    ctx.lineWidth = under.lineWidth * (window.devicePixelRatio || 1);
    ctx.strokeStyle = under.lineColor;
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.stroke();
    if (!canvas.hasAttribute("data-painted")) performance.mark("painted");
    canvas.setAttribute("data-painted", "1");
  }

  // --- the curves ------------------------------------------------------------
  function drawCurve(name, item) {
    var fig = figures[name], f = item.frame;
    var d = fig.data.slice();
    var s = item.series[name] || {};
    Object.keys(s).forEach(function (i) {
      var x = Array.from(s[i].x.subarray(0, f.upto));
      var y = Array.from(s[i].y.subarray(0, f.upto));
      var head = f.head[name] && f.head[name][i];
      if (head && (x.length === 0 || head[0] > x[x.length - 1])) { x.push(head[0]); y.push(head[1]); }
      // a single point draws no line: show it as a dot
      d[+i] = Object.assign({}, d[+i], { x: x, y: y, mode: x.length < 2 ? "lines+markers" : "lines" });
    });
    var gd = byId(name);
    if (keys[name] !== item.keys[name]) {
      Plotly.newPlot(gd, d, fig.layout, CONFIG);
      keys[name] = item.keys[name];
    } else {
      Plotly.react(gd, d, fig.layout, CONFIG);
    }
  }

  // how long each frame took to draw (ms), the last 200, for the benchmark
  window.__drawMs = [];

  // Show one frame: its numbers, its boundary, and the curves up to its step.
  var shown = null, shownRev = null;  // the step on screen, and its network

  function show(item) {
    var started = performance.now();
    var f = item.frame;
    shown = f.step;
    shownRev = rev;
    Object.keys(f.metrics).forEach(function (key) {
      if (metricEls[key]) metricEls[key].textContent = f.metrics[key];
    });
    if (keys.boundary !== item.keys.boundary) {
      drawBoundaryChart(figures.boundary);
      keys.boundary = item.keys.boundary;
    }
    current = f.boundary;
    paintUnder(f.boundary);
    CURVES.forEach(function (name) { drawCurve(name, item); });
    window.__drawMs.push(performance.now() - started);
    if (window.__drawMs.length > 200) window.__drawMs.shift();
  }

  // The charts take the height the browser window has left below the view's top,
  // so that on a 1280 x 720 projector the whole view fits on the screen without
  // scrolling; measured at the first drawing and when the window is resized
  // (not when a message above comes or goes, which would make the charts jump).
  var chartHeight = null;
  function fitHeight() {
    var h = 600;
    try {
      var host = window.frameElement, parent = window.parent;
      var top = host.getBoundingClientRect().top + parent.scrollY + byId("charts").offsetTop;
      h = parent.innerHeight - top - 24;
    } catch (e) { /* not embedded: keep the default */ }
    h = Math.round(Math.max(340, Math.min(720, h)));
    if (h === chartHeight) return;
    chartHeight = h;
    document.documentElement.style.setProperty("--chart-h", h + "px");
    ["boundary-plot"].concat(CURVES).forEach(function (id) {
      var gd = byId(id);
      if (gd && gd._fullLayout) Plotly.Plots.resize(gd);
    });
    reportHeight();
  }

  function reportHeight() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== lastHeight) { lastHeight = h; send("streamlit:setFrameHeight", { height: h }); }
  }

  // Pause, heard at the click rather than when the server's answer arrives: the
  // frames still queued are dropped and the picture stays; the server is then
  // asked to come back to it (see onRender). Play lifts the freeze.
  var frozen = false;
  try {
    window.parent.document.addEventListener("click", function (event) {
      if (!event.target.closest) return;
      if (event.target.closest(".st-key-pause")) { frozen = true; queue = []; }
      else if (event.target.closest(".st-key-play")) frozen = false;
    }, true);
  } catch (e) { /* not embedded in the app: the server's answer stops the view */ }

  function onRender(args) {
    performance.mark("render");
    var p = args.payload;
    if (!p || p.id === lastId) return;
    lastId = p.id;
    texts = p.texts;
    if (typeof Plotly === "undefined") { status(texts.no_plotly); return; }
    if (p.rev !== rev) {
      rev = p.rev;
      queue = [];
      buildMetrics(p.metric_labels);
    }
    if (chartHeight === null) fitHeight();
    if (p.figures) figures = p.figures;
    if (!figures) return;
    var series = decodeSeries(p.series);
    var items = p.frames.map(function (frame) { return { frame: frame, series: series, keys: p.keys }; });
    frameMs = p.frame_ms;
    try {
      if (p.playing && frozen) {
        // a batch the server sent before it heard Pause: not shown
      } else if (p.playing) {
        if (!queue.length) nextDue = performance.now();
        queue.push.apply(queue, items);
        // never lag more than two batches behind the server
        if (queue.length > 2 * items.length) queue.splice(0, queue.length - 2 * items.length);
      } else {
        queue = [];
        frozen = false;
        var last = items[items.length - 1];
        if (p.rewind && shown !== null && p.rev === shownRev && shown < last.frame.step) {
          // Pause: the server is ahead of the screen; ask it to come back to the
          // frame on screen rather than jump forward to where it got to
          send("streamlit:setComponentValue", { value: { id: p.id, step: shown }, dataType: "json" });
        } else {
          show(last);
        }
      }
      status("");
    } catch (e) {
      status(texts.draw_error + " " + e);
    }
    reportHeight();
  }

  function tick(now) {
    if (queue.length && now >= nextDue) {
      // keep an even pace on average, but never try to catch up on a stall
      nextDue = Math.max(nextDue + frameMs, now + frameMs / 2);
      try { show(queue.shift()); } catch (e) { status(texts.draw_error + " " + e); }
    }
    window.requestAnimationFrame(tick);
  }

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") onRender(event.data.args);
  });
  window.addEventListener("resize", reportHeight);
  try { window.parent.addEventListener("resize", function () { chartHeight = -1; fitHeight(); }); } catch (e) { /* not embedded */ }
  window.requestAnimationFrame(tick);
  performance.mark("ready");
  send("streamlit:componentReady", { apiVersion: 1 });
})();
