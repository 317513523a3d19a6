// The curve charts' axis ranges. They change seldom: the step axis and a linear
// y axis end at the next 1-2-5 number (1, 2, 5, 10, 20, ...) above the data, a
// log axis at whole decades. While playing they only grow, so plotly lays an
// axis out anew a few times in a run instead of every frame.

export const STEPS_125 = [1, 2, 5, 10];
const STEPS_FINE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

// the smallest number of the series ``steps`` (times a power of ten) not below v
export function niceAbove(v, steps) {
  if (!(v > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (let i = 0; i < steps.length; i++) if (steps[i] * p >= v * (1 - 1e-12)) return steps[i] * p;
  return 10 * p;
}

// The extent of the points that would be drawn: {xMax, lo, hi} over y (positive
// ys only on a log axis, as plotly also leaves out the others there).
export function extent(points, log) {
  let xMax = 0, lo = Infinity, hi = -Infinity;
  points.forEach((p) => {
    for (let k = 0; k < p.x.length; k++) {
      const y = p.y[k];
      if (p.x[k] > xMax) xMax = p.x[k];
      if (y === null || !isFinite(y) || (log && y <= 0)) continue;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  });
  return { xMax: xMax, lo: lo, hi: hi };
}

// The ranges {x, y} for an extent (a log axis's range in decades, as plotly's).
export function rangesFor(ext, log) {
  const x = [0, niceAbove(Math.max(ext.xMax, 10), STEPS_125)];
  let y;
  if (!(ext.hi >= ext.lo)) y = log ? [-3, 0] : [0, 1];
  else if (log) {
    const lo = Math.floor(Math.log10(ext.lo)), hi = Math.ceil(Math.log10(ext.hi));
    y = [lo, hi > lo ? hi : lo + 1];
  } else {
    // a finer series for the values: the curve fills more of the chart's height
    y = [ext.lo >= 0 ? 0 : -niceAbove(-ext.lo, STEPS_FINE), ext.hi > 0 ? niceAbove(ext.hi, STEPS_FINE) : 1];
  }
  return { x: x, y: y };
}

export function covers(range, want) {
  return range && range.x[1] >= want.x[1] && range.y[0] <= want.y[0] && range.y[1] >= want.y[1];
}

// The extent of a batch's series (computed once a batch) and a frame's newest
// points: while playing the axes cover the whole batch, which the frames
// then show bit by bit.
const seriesExtents = new WeakMap();
export function liveExtent(name, item, log) {
  const s = item.series[name] || {}, cached = seriesExtents.get(s) || {};
  const key = log ? "log" : "linear";
  if (!cached[key]) {
    cached[key] = extent(Object.keys(s).map((i) => s[i]), log);
    seriesExtents.set(s, cached);
  }
  const e = cached[key], head = item.frame.head[name] || {};
  const out = { xMax: e.xMax, lo: e.lo, hi: e.hi };
  Object.keys(head).forEach((i) => {
    const x = head[i][0], y = head[i][1];
    if (x > out.xMax) out.xMax = x;
    if (y === null || !isFinite(y) || (log && y <= 0)) return;
    if (y < out.lo) out.lo = y;
    if (y > out.hi) out.hi = y;
  });
  return out;
}
