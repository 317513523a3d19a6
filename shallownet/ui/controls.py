"""The Playground's widgets: the settings in the sidebar and the training buttons.

Every widget is keyed, so its value survives reruns; its first value comes from
the session's settings. Each widget's range, step and offered values come from the
setting's metadata (``settings.FIELDS``), so that the sidebar and the validation
never disagree. The sidebar's values are gathered into one Settings and handed
to the Playground, which decides what that changes.
"""

from __future__ import annotations

import streamlit as st

from shallownet.core import activations, datasets
from shallownet.core.network import INIT_METHODS
from shallownet.core.settings import FIELDS, PRESETS, Settings
from shallownet.ui import present, router
from shallownet.ui.i18n import language
from shallownet.ui.i18n.texts import t
from shallownet.ui.session import SPEEDS, Playground

KEY = "setting."
_PRESET_PRESSED = "preset.pressed"  # the preset just pressed, until the sidebar has applied it


def _init_widgets(s: Settings) -> None:
    """Each setting's widget starts at the session's setting; after that it keeps
    what the user chose.

    Every page draws the same sidebar, but Streamlit counts a widget on another
    page as another widget and drops the old one's value when the page changes.
    Writing each value back as the session's own, on every run, is Streamlit's
    documented way to keep it across pages."""
    for name in FIELDS:
        key = KEY + name
        st.session_state[key] = st.session_state[key] if key in st.session_state else getattr(s, name)


def _range(name: str) -> dict:
    """A slider's or number input's min_value, max_value and step, from the setting's metadata."""
    spec = FIELDS[name]
    return {"min_value": spec["min"], "max_value": spec["max"], "step": spec["step"]}


def _new_data() -> None:
    seed = st.session_state[KEY + "seed"]
    st.session_state[KEY + "seed"] = seed + 1 if seed < FIELDS["seed"]["max"] else 0


def _press_preset(name: str) -> None:
    """Put the preset's settings into the widgets. As a button's callback this runs
    before the script, so the widgets are then drawn with them and the sidebar
    applies them like any change."""
    for field, value in PRESETS[name].as_dict().items():
        st.session_state[KEY + field] = value
    st.session_state[_PRESET_PRESSED] = name


def _start_preset(playground: Playground, name: str, lang: str) -> None:
    """After a preset's settings are applied: its network at step 0, paused (the
    settings may have been the preset's already, with training gone on since)."""
    playground.pause()
    if playground.trainer.step_count != 0 or playground.diverged:
        playground.reset()
    playground.notice = ("preset.applied", {"name": t(f"preset.{name}", lang)})


def sidebar(playground: Playground, lang: str | None = None, *, playback: bool = True) -> None:
    """The settings, in the sidebar (``apply``, ``widgets``), and in presentation mode
    n1, α, the activation and the initialisation where this is called (``in_page``)."""
    apply(playground, lang)
    widgets(playground, lang, playback=playback)
    in_page(lang)


def apply(playground: Playground, lang: str | None = None) -> None:
    """Hand the Playground the settings the widgets hold, before anything is drawn.

    Each widget is keyed, and Streamlit puts a changed widget's value into the
    session state before the run, so the settings are known before the widgets
    are drawn. The Playground page draws its live view first and the widgets after
    it (pages/playground.py says why); the view still shows the network of the
    settings just chosen."""
    lang = lang or language.current()
    _init_widgets(playground.settings)
    requested = {name: st.session_state[KEY + name] for name in FIELDS}
    playground.apply(Settings(**requested))
    preset = st.session_state.pop(_PRESET_PRESSED, None)
    if preset is not None:
        _start_preset(playground, preset, lang)


def widgets(playground: Playground, lang: str | None = None, *, playback: bool = True) -> None:
    """The settings' widgets, in the sidebar (after ``apply``). The speed and the
    cost's scale belong to the Playground's live view: other pages
    (``playback=False``) leave them out. In presentation mode n1, α, the activation
    and the initialisation are left to ``in_page``."""
    lang = lang or language.current()  # the widgets' format functions keep it
    presenting = present.active()

    with st.sidebar:
        st.subheader(t("preset.section", lang))
        presets(st, lang)

        st.subheader(t("section.data", lang))
        # the user's own points are a choice once there are some
        own = (datasets.OWN,) if playground.trainer.points is not None else ()
        st.selectbox(t("setting.dataset", lang), datasets.NAMES + own, key=KEY + "dataset",
                     format_func=lambda n: t(f"dataset.{n}", lang))
        st.slider(t("setting.m", lang), **_range("m"), key=KEY + "m", help=t("help.m", lang))
        st.slider(t("setting.noise", lang), **_range("noise"), key=KEY + "noise", help=t("help.noise", lang))
        st.slider(t("setting.test_fraction", lang), **_range("test_fraction"), key=KEY + "test_fraction",
                  help=t("help.test_fraction", lang))
        seed_col, new_col = st.columns([3, 2], vertical_alignment="bottom")
        seed_col.number_input(t("setting.seed", lang), **_range("seed"), key=KEY + "seed",
                              help=t("help.seed", lang))
        new_col.button(t("button.new_data", lang), on_click=_new_data, help=t("help.new_data", lang),
                       width="stretch")
        st.checkbox(t("setting.standardize", lang), key=KEY + "standardize", help=t("help.standardize", lang))

        st.subheader(t("section.network", lang))
        if not presenting:
            _n1(st, lang)
            _activation(st, lang)
            _init(st, lang)
        st.select_slider(t("setting.init_scale", lang), _ticks_and_current("init_scale"), key=KEY + "init_scale",
                         format_func=_fmt, help=t("help.init_scale", lang),
                         disabled=st.session_state[KEY + "init"] == "zeros")

        st.subheader(t("section.descent", lang))
        if not presenting:
            _alpha(st, lang)
        if playback:
            st.select_slider(t("setting.speed", lang), SPEEDS, value=playground.speed, key="speed",
                             help=t("help.speed", lang),
                             on_change=lambda: playground.set_speed(st.session_state["speed"]))
            st.subheader(t("section.display", lang))
            st.toggle(t("setting.cost_log", lang), value=playground.cost_log, key="cost_log",
                      on_change=lambda: playground.set_cost_log(st.session_state["cost_log"]))


def presets(where, lang: str | None = None, key: str = "preset.") -> None:
    """The presets' buttons in ``where``, each keyed ``key`` and its name (the
    sidebar's, and the presentation menu's, are two sets of buttons)."""
    for name in PRESETS:  # "preset.<name>" is its button, "preset.help.<name>" its help
        where.button(t(f"preset.{name}", lang), key=key + name, on_click=_press_preset, args=(name,),
                     help=t(f"preset.help.{name}", lang), width="stretch")


def menu(where, lang: str | None = None) -> None:
    """In presentation mode, a menu in ``where`` of what the hidden sidebar offers
    to go to: the pages and the presets."""
    with where.popover(t("present.menu", lang), width="stretch"):
        router.menu(st.container())
        presets(st, lang, key="preset.present.")


def in_page(lang: str | None = None) -> None:
    """In presentation mode the sidebar is hidden: what a lecturer turns while talking
    (n1, α, the activation, and zeros against random weights for the symmetry) comes
    into the page, where this is called, in one row after the mode's switch and the
    ``menu``."""
    if not present.active():
        return
    lang = lang or language.current()
    switch, n1, alpha, activation, init = st.columns([1.8, 1.5, 1.5, 1.9, 1.4], vertical_alignment="bottom")
    present.control(switch)
    menu(switch, lang)
    _n1(n1, lang)
    _alpha(alpha, lang)
    _activation(activation, lang)
    _init(init, lang)


def _n1(where, lang) -> None:
    where.slider(t("setting.n1", lang), **_range("n1"), key=KEY + "n1")


def _activation(where, lang) -> None:
    where.selectbox(t("setting.activation", lang), tuple(activations.ACTIVATIONS), key=KEY + "activation",
                    format_func=lambda n: t(f"activation.{n}", lang))


def _init(where, lang) -> None:
    where.selectbox(t("setting.init", lang), INIT_METHODS, key=KEY + "init",
                    format_func=lambda n: t(f"init.{n}", lang), help=t("help.init", lang))


def _alpha(where, lang) -> None:
    where.select_slider(t("setting.alpha", lang), _ticks_and_current("alpha"), key=KEY + "alpha",
                        format_func=_fmt, help=t("help.alpha", lang))


def _ticks_and_current(name: str) -> tuple[float, ...]:
    """A log-scale setting's ticks and, in its place among them, the session's value.

    A link or a file may set any value in the range (alpha = 0.37). A select_slider
    whose value is not among its options falls back to its first option (0.0001),
    silently, and the next run applies that. Its key is its identity, so options
    that change between runs keep its value; a non-tick value leaves the options
    once the slider is moved to a tick."""
    ticks = FIELDS[name]["ticks"]
    current = st.session_state.get(KEY + name)
    if current is None or current in ticks:
        return ticks
    return tuple(sorted((*ticks, current)))


def _fmt(x: float) -> str:
    """A select_slider keeps its value as this text: ``:g`` where that reads back
    as the same number (every tick, 0.37), else the shortest text that does, so
    that no two options share a label and the value shown is the value used."""
    short = f"{x:g}"
    return short if float(short) == x else repr(float(x))


def buttons(playground: Playground, lang: str | None = None, beside=None) -> None:
    """Step, ×10, ×100, Play, Pause and Reset, in one row; ``beside(where)``, if
    given, draws in the rest of the row."""
    cols = st.columns([1] * 6 + ([2.0] if beside else []), vertical_alignment="center")
    if beside:
        beside(cols[6])
    stopped = playground.diverged
    presenting = present.active()

    def hint(key):
        # none on a projector: the pointer rests on Play, and its help would cover
        # the settings above
        return None if presenting else t(key, lang)

    cols[0].button(t("button.step", lang), on_click=playground.step, args=(1,), disabled=stopped,
                   help=hint("help.step"), width="stretch")
    cols[1].button(t("button.step10", lang), on_click=playground.step, args=(10,), disabled=stopped,
                   help=hint("help.step10"), width="stretch")
    cols[2].button(t("button.step100", lang), on_click=playground.step, args=(100,), disabled=stopped,
                   help=hint("help.step100"), width="stretch")
    # the keys give the buttons the classes st-key-play and st-key-pause, by which
    # the live view hears the click at once (frontend/player.js)
    cols[3].button(t("button.play", lang), on_click=playground.play, disabled=stopped, key="play",
                   type="secondary" if playground.playing else "primary", help=hint("help.play"),
                   width="stretch")
    cols[4].button(t("button.pause", lang), on_click=playground.pause, key="pause",
                   type="primary" if playground.playing else "secondary",
                   help=hint("help.pause"), width="stretch")
    cols[5].button(t("button.reset", lang), on_click=playground.reset, help=hint("help.reset"),
                   width="stretch")
