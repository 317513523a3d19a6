// Streamlit's component protocol (version 1): messages to and from the page
// around the view's iframe.

function send(type, data) {
  window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data || {}), "*");
}

// The component's value: a request to the server, answered by a run of the panel
// (ui/live/panel.py): {id, step} after Pause, {id, figures}, {id, rerun}, {id, point},
// {id, batch, shown} for the next batch while the stream is not there, and
// {id, shown} when the page is left for another while playing.
export function setValue(value) {
  send("streamlit:setComponentValue", { value: value, dataType: "json" });
}

export function setFrameHeight(height) {
  send("streamlit:setFrameHeight", { height: height });
}

// ``handle(args)`` for each render message (the component's arguments from a run
// of the script); then tells Streamlit the view is ready for them.
export function listen(handle) {
  window.addEventListener("message", (event) => {
    if (event.data && event.data.type === "streamlit:render") handle(event.data.args);
  });
  send("streamlit:componentReady", { apiVersion: 1 });
}
