// The live view's browser side: receives batches of frames from the Streamlit
// script and plays them at an even pace. It knows the layout of the payload
// (ui/live/frames.py): every number shown arrives computed and every text
// arrives translated; the picture of the boundary it computes from the frame's
// network (network.js, gl.js), where and as sharp as it draws it.
//
// Speed: plotly.js redraws a whole chart on every change, too slow for every
// frame. So plotly draws each chart only when the network, the language or an
// axis range changes: its axes, points, legend and titles. What moves is painted
// on canvases of our own (layout.js, fitCanvas, says why canvases): the metrics'
// values (metrics.js), the boundary's heatmap and line (boundary.js) and the
// curves (curves.js), whose axes grow in 1-2-5 steps ahead of the steps queued
// (axes.js), so that plotly lays them out anew a handful of times in a run.
//
// The other modules: protocol.js (Streamlit's component messages), state.js
// (what the view remembers), player.js (a payload handled, the frame queue, the
// animation, Pause), stream.js (the live socket, the batches asked for without
// it, the step told and written in the address), first.js (the first picture
// before plotly.js, loading plotly.js, the first visit's signals), layout.js
// (heights, our layers' places, our canvases' pixels). This one wires them to
// the page's events.
import { listen } from "./protocol.js";
import { listenForPause, onRender } from "./player.js";
import { keepPulling } from "./stream.js";
import { followLegend, listenForPoints } from "./boundary.js";
import { refit, reportHeight } from "./layout.js";

listenForPoints();
keepPulling();
listenForPause();
window.addEventListener("resize", () => {
  reportHeight();
  if (typeof Plotly !== "undefined") followLegend();
});
try {
  window.parent.addEventListener("resize", refit);
} catch (e) { /* not embedded */ }
listen((args) => onRender(args));
