// The boundary drawn by the GPU: a fragment shader evaluates the network's
// forward pass at every pixel of the canvas (network.js says what a frame
// carries), colours A2 through the heatmap's colour table, and draws the
// A2 = 0.5 line where Z2 = 0, its width measured in pixels from Z2's screen
// derivatives. A frame then costs the browser one draw call whatever the canvas's
// size, and the picture is as sharp as the screen. WebGL 2 only: where it is not
// there (or its context is lost) boundary.js draws with network.js instead.

import { LEAKY_SLOPE } from "./network.js";

export const MAX_UNITS = 64;  // core/settings.py's largest n1
// A GPU draws any canvas at n1 = 64 in no time. A software renderer (SwiftShader,
// llvmpipe: remote desktops, machines without a GPU driver) computes every pixel
// on the CPU, so there the canvas holds at most this many pixels x hidden units a
// frame (a 350 x 350 canvas at n1 = 4), though never fewer pixels than the grid's
// (boundary.js), and the browser scales it to the plot area.
export const SOFTWARE_BUDGET = 0.5e6;
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

// A2 as core/activations.py and network.py compute it: tanh by e^(-2|z|), which
// cannot overflow; the sigmoid as (1 + tanh(z / 2)) / 2.
const FORWARD = `
float tanh_(float z) { float e = exp(-2.0 * abs(z)); return sign(z) * (1.0 - e) / (1.0 + e); }
float sigmoid_(float z) { return 0.5 + 0.5 * tanh_(0.5 * z); }
float g1(float z) {
#if ACT == 0
  return tanh_(z);
#elif ACT == 1
  return sigmoid_(z);
#elif ACT == 2
  return max(z, 0.0);
#elif ACT == 3
  return z > 0.0 ? z : ${LEAKY_SLOPE.toFixed(6)} * z;
#else
  return z;
#endif
}
uniform vec4 u_units[${MAX_UNITS}];  // per hidden unit: W1[k, 0], W1[k, 1], b1[k], W2[0, k]
uniform int u_n1;
uniform float u_b2;
float outputZ(vec2 x) {
  float z = u_b2;
  for (int k = 0; k < ${MAX_UNITS}; k++) {
    if (k >= u_n1) break;
    vec4 u = u_units[k];
    z += u.w * g1(u.x * x.x + u.y * x.y + u.z);
  }
  return z;
}
`;

const ACT_INDEX = { tanh: 0, sigmoid: 1, relu: 2, leaky_relu: 3, linear: 4 };

const QUAD_VS = `#version 300 es
in vec2 a_corner;
out vec2 v_uv;
void main() { v_uv = a_corner * 0.5 + 0.5; gl_Position = vec4(a_corner, 0.0, 1.0); }
`;

// the picture: heatmap through the colour table, the line over it
const PICTURE_FS = (act) => `#version 300 es
precision highp float;
#define ACT ${act}
${FORWARD}
in vec2 v_uv;
uniform vec4 u_extent;          // x0, y0, x1, y1 of the plot area
uniform sampler2D u_lut;        // 256 x 1: the colour of A2 quantised to 0..255
uniform vec4 u_line;            // the line's colour (rgb) and half its width in pixels
out vec4 color;
void main() {
  vec2 x = mix(u_extent.xy, u_extent.zw, v_uv);
  float z = outputZ(x);
  float a2 = sigmoid_(z);
  // A2 = NaN (never from finite weights) reads as 0.5, as quantize does
  int level = int(floor(clamp(a2 == a2 ? a2 : 0.5, 0.0, 1.0) * 255.0 + 0.5));
  vec4 heat = texelFetch(u_lut, ivec2(level, 0), 0);
  float slope = length(vec2(dFdx(z), dFdy(z)));
  // distance to Z2 = 0 in pixels, where Z2 changes (a flat Z2 draws no line)
  float cover = slope > 0.0 ? clamp(u_line.w + 0.5 - abs(z) / slope, 0.0, 1.0) : 0.0;
  color = vec4(mix(heat.rgb, u_line.rgb, cover), 1.0);
}
`;

// the tests': Z2 and A2 at given points, one point per pixel of a float target
const POINTS_VS = `#version 300 es
in vec2 a_point;
uniform float u_width;
out vec2 v_point;
void main() {
  float i = float(gl_VertexID);
  vec2 pixel = vec2(mod(i, u_width), floor(i / u_width)) + 0.5;
  gl_Position = vec4(pixel / vec2(u_width, u_width) * 2.0 - 1.0, 0.0, 1.0);
  gl_PointSize = 1.0;
  v_point = a_point;
}
`;
const POINTS_FS = (act) => `#version 300 es
precision highp float;
#define ACT ${act}
${FORWARD}
in vec2 v_point;
out vec4 result;
void main() { float z = outputZ(v_point); result = vec4(z, sigmoid_(z), 0.0, 1.0); }
`;

function compile(gl, vs, fs) {
  const program = gl.createProgram();
  [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]].forEach(([kind, source]) => {
    const shader = gl.createShader(kind);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader));
    gl.attachShader(program, shader);
  });
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program));
  return program;
}

function setNetwork(gl, program, net) {
  const n1 = (net.length - 1) / 4;
  if (!(n1 >= 1 && n1 <= MAX_UNITS)) throw new Error("a network of " + n1 + " hidden units");
  gl.uniform4fv(gl.getUniformLocation(program, "u_units"), net.subarray(0, 4 * n1));
  gl.uniform1i(gl.getUniformLocation(program, "u_n1"), n1);
  gl.uniform1f(gl.getUniformLocation(program, "u_b2"), net[4 * n1]);
}

function parseColor(c) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [1, 2, 3].map((k) => parseInt(m[k], 16) / 255) : [0, 0, 0];
}

// A renderer on ``canvas``, or null where WebGL 2 is not to be had. ``lut`` is the
// colour table (256 RGBA bytes), ``line`` {color, width} in CSS pixels.
export function glRenderer(canvas, lut, line) {
  let gl = null;
  try {
    gl = canvas.getContext("webgl2", { antialias: false, depth: false, stencil: false, alpha: false,
                                       premultipliedAlpha: false, preserveDrawingBuffer: false });
  } catch (e) { gl = null; }
  if (!gl) return null;
  const programs = {};
  const program = (activation) => {
    const act = ACT_INDEX[activation];
    if (act === undefined) throw new Error("no activation " + activation);
    if (!programs[act]) programs[act] = compile(gl, QUAD_VS, PICTURE_FS(act));
    return programs[act];
  };
  const quad = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, quad);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  const texture = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, 256, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(lut.buffer));
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  const rgb = parseColor(line.color);
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return {
    gl: gl,
    software: SOFTWARE.test(renderer),
    lost: () => gl.isContextLost(),
    // the network ``net`` (Float32Array) over extent [x0, y0, x1, y1], on the whole canvas
    draw(net, activation, extent) {
      const p = program(activation);
      gl.useProgram(p);
      gl.viewport(0, 0, canvas.width, canvas.height);
      setNetwork(gl, p, net);
      gl.uniform4f(gl.getUniformLocation(p, "u_extent"), extent[0], extent[1], extent[2], extent[3]);
      const dpr = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
      // at least a pixel wide where the canvas has fewer pixels than the screen
      gl.uniform4f(gl.getUniformLocation(p, "u_line"), rgb[0], rgb[1], rgb[2], Math.max(0.5, line.width * dpr / 2));
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.uniform1i(gl.getUniformLocation(p, "u_lut"), 0);
      gl.bindBuffer(gl.ARRAY_BUFFER, quad);
      const loc = gl.getAttribLocation(p, "a_corner");
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    },
  };
}

// Z2 and A2 at the points [x0, y0, x1, y1, ...] as the shader computes them (for
// the tests), or null where WebGL 2 or float targets are not there.
export function glOutputAt(net, activation, points) {
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2");
  if (!gl || !gl.getExtension("EXT_color_buffer_float")) return null;
  const count = points.length / 2, width = Math.ceil(Math.sqrt(count));
  const p = compile(gl, POINTS_VS, POINTS_FS(ACT_INDEX[activation]));
  gl.useProgram(p);
  setNetwork(gl, p, Float32Array.from(net));
  gl.uniform1f(gl.getUniformLocation(p, "u_width"), width);
  const target = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, target);
  gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA32F, width, width);
  const fb = gl.createFramebuffer();
  gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, target, 0);
  gl.viewport(0, 0, width, width);
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, Float32Array.from(points), gl.STATIC_DRAW);
  const loc = gl.getAttribLocation(p, "a_point");
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
  gl.drawArrays(gl.POINTS, 0, count);
  const pixels = new Float32Array(width * width * 4);
  gl.readPixels(0, 0, width, width, gl.RGBA, gl.FLOAT, pixels);
  const Z2 = new Float64Array(count), A2 = new Float64Array(count);
  for (let i = 0; i < count; i++) { Z2[i] = pixels[4 * i]; A2[i] = pixels[4 * i + 1]; }
  return { Z2: Z2, A2: A2 };
}
