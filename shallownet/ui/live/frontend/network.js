// The lecture's forward pass in the browser, for the picture: a frame carries the
// network's parameters (ui/live/frames.py, network_vector: per hidden unit
// W1[k, 0], W1[k, 1], b1[k], W2[0, k], then b2), and the view evaluates
//   Z1 = W1 X + b1,  A1 = g1(Z1),  Z2 = W2 A1 + b2,  A2 = sigmoid(Z2)
// where it draws. This is the plain JavaScript one, in double precision, for a
// grid of points; gl.js has the same in a fragment shader, one pixel per point.
// Both are tested against numpy's forward pass (tests/e2e/test_view_forward.py).

export const LEAKY_SLOPE = 0.01;  // core/activations.py's

// g1 by its name in the settings; the sigmoid as numpy computes it, (1 + tanh(z / 2)) / 2
export const ACTIVATIONS = {
  tanh: Math.tanh,
  sigmoid: (z) => 0.5 + 0.5 * Math.tanh(0.5 * z),
  relu: (z) => (z > 0 ? z : 0),
  leaky_relu: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
  linear: (z) => z,
};

export function sigmoid(z) { return 0.5 + 0.5 * Math.tanh(0.5 * z); }

// Z2 at the grid's points (xs along x, ys along y): out[j * nx + i] for
// (xs[i], ys[j]), as core/grid.py orders them. Per unit, W1 X + b1 splits into
// a part of x and a part of y, each computed once per column and row.
export function outputOnGrid(net, activation, xs, ys, out) {
  const g = ACTIVATIONS[activation], n1 = (net.length - 1) / 4, nx = xs.length, ny = ys.length;
  out.fill(net[4 * n1]);
  const ax = new Float64Array(nx);
  for (let k = 0; k < n1; k++) {
    const wx = net[4 * k], wy = net[4 * k + 1], b = net[4 * k + 2], w2 = net[4 * k + 3];
    if (w2 === 0) continue;
    for (let i = 0; i < nx; i++) ax[i] = wx * xs[i];
    for (let j = 0; j < ny; j++) {
      const by = wy * ys[j] + b, row = j * nx;
      for (let i = 0; i < nx; i++) out[row + i] += w2 * g(ax[i] + by);
    }
  }
  return out;
}

// Z2 and A2 at any points [x0, y0, x1, y1, ...] (for the tests).
export function outputAt(net, activation, points) {
  const g = ACTIVATIONS[activation], n1 = (net.length - 1) / 4, count = points.length / 2;
  const Z2 = new Float64Array(count), A2 = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const x = points[2 * p], y = points[2 * p + 1];
    let z = net[4 * n1];
    for (let k = 0; k < n1; k++) z += net[4 * k + 3] * g(net[4 * k] * x + net[4 * k + 1] * y + net[4 * k + 2]);
    Z2[p] = z;
    A2[p] = sigmoid(z);
  }
  return { Z2: Z2, A2: A2 };
}

// The level V = 0 as segments [x0, y0, x1, y1, ...], by marching squares with
// linear interpolation along the cells' edges, as core/grid.py's level_segments
// traces it (a saddle resolved by the cell's mean). V is (ny, nx), rows along y.
export function zeroSegments(xs, ys, V) {
  const nx = xs.length, ny = ys.length, out = [];
  const cross = (xa, ya, va, xb, yb, vb) => {
    const t = va / (va - vb);
    return [xa + t * (xb - xa), ya + t * (yb - ya)];
  };
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      // corners: bottom-left, bottom-right, top-right, top-left
      const v0 = V[j * nx + i], v1 = V[j * nx + i + 1], v2 = V[(j + 1) * nx + i + 1], v3 = V[(j + 1) * nx + i];
      const a0 = v0 > 0, a1 = v1 > 0, a2 = v2 > 0, a3 = v3 > 0;
      if (a0 === a1 && a0 === a2 && a0 === a3) continue;
      const x0 = xs[i], x1 = xs[i + 1], y0 = ys[j], y1 = ys[j + 1];
      // the crossing on each edge whose ends differ: bottom, right, top, left
      const bottom = a0 !== a1 ? cross(x0, y0, v0, x1, y0, v1) : null;
      const right = a1 !== a2 ? cross(x1, y0, v1, x1, y1, v2) : null;
      const top = a2 !== a3 ? cross(x1, y1, v2, x0, y1, v3) : null;
      const left = a3 !== a0 ? cross(x0, y1, v3, x0, y0, v0) : null;
      const found = [bottom, right, top, left].filter((p) => p !== null);
      if (found.length === 2) {
        out.push(found[0][0], found[0][1], found[1][0], found[1][1]);
      } else if (found.length === 4) {
        // a saddle: the mean says which opposite corners the level separates
        if (((v0 + v1 + v2 + v3) / 4 > 0) === a0) {
          out.push(bottom[0], bottom[1], right[0], right[1], top[0], top[1], left[0], left[1]);
        } else {
          out.push(bottom[0], bottom[1], left[0], left[1], right[0], right[1], top[0], top[1]);
        }
      }
    }
  }
  return out;
}
