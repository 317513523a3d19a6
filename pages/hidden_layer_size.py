"""Hidden-layer size: several n1 trained on the session's data against logistic
regression, the course assignment's table replayed, and several learning rates from
the same start. The results stay in the session, keyed by what produced them."""

import pandas as pd
import streamlit as st

from shallownet.core import assignment
from shallownet.core.settings import ALPHAS, FIELDS
from shallownet.core.trainer import make_data
from shallownet.lecture import hidden_layer_size as sweep
from shallownet.plots import hidden_layer_size as figures
from shallownet.ui import lecture_page as lecture
from shallownet.ui import router
from shallownet.ui.i18n.texts import t

router.through_app()  # before anything else: see ui/router.py

STATE = "hidden_layer_size"  # this page's results: "sweep", "assignment", "alphas", "shown"
ALPHA_STEPS = 2_000

playground = lecture.page("page.hidden_layer_size", "size.intro")
settings, data = playground.settings, playground.trainer.data
examples = data.X_train.shape[1] + data.X_test.shape[1]
results = st.session_state.setdefault(STATE, {})


def progress_bar():
    """A progress bar and the on_progress(done, total) callback that moves it."""
    bar = st.progress(0.0, text=t("size.progress", done="0", total="…"))
    return bar, lambda done, total: bar.progress(
        done / total, text=t("size.progress", done=f"{done:,}", total=f"{total:,}"))


def refused(what: str, sizes, steps: int, runs: int = 1) -> bool:
    """Whether the work is beyond what the page may train; if so, says so."""
    try:
        sweep.check_work(sizes, examples, steps, runs)
    except sweep.TooMuchWork as e:
        st.warning(t("size.too_much", what=t(what), work=f"{e.work:,}", limit=f"{e.limit:,}"), icon="⚠️")
        return True
    return False


def names(fields) -> str:
    return ", ".join(t(f"setting.{name}") for name in fields)


def described(s, d, **extra) -> dict:
    """The texts of the settings ``s`` and data ``d`` that produced a result."""
    return dict(dataset=t(f"dataset.{s.dataset}"), m=d.X_train.shape[1] + d.X_test.shape[1],
                test=f"{s.test_fraction:g}", n1=s.n1,
                activation=t(f"activation.{s.activation}"), alpha=f"{s.alpha:g}",
                init=t(f"init.{s.init}").lower(), **extra)


# -- the sizes ---------------------------------------------------------------------
st.header(t("size.section.sweep"))
left, right = st.columns([3, 1])
sizes = sorted(left.multiselect(
    t("size.sizes"), list(range(FIELDS["n1"]["min"], FIELDS["n1"]["max"] + 1)), default=list(sweep.SIZES),
    key="size.sizes", help=t("size.help.sizes")))
steps = int(right.number_input(t("size.steps"), min_value=100, max_value=50_000, value=sweep.STEPS, step=500,
                               key="size.steps"))
if not sizes:
    st.warning(t("size.no_sizes"), icon="⚠️")
blocked = not sizes or refused("size.what.sweep", sizes, steps)
b_train, b_assignment, _ = st.columns([1, 1, 2])
train = b_train.button(t("size.button.train"), type="primary", disabled=blocked, key="size.train",
                       help=t("size.help.train"), width="stretch")
replay = b_assignment.button(t("size.button.assignment"), key="size.assignment",
                             help=t("size.help.assignment"), width="stretch")

if train and not blocked:
    key = sweep.result_key(settings, "n1", sizes, steps, data)
    if "sweep" not in results or results["sweep"].key != key:  # the same request is not trained twice
        bar, report = progress_bar()
        results["sweep"] = sweep.Trained(key, settings, data, steps,
                                         sweep.hidden_sizes(settings, sizes, steps, data=data, on_progress=report))
        bar.empty()
    results["shown"] = "sweep"
if replay:
    if "assignment" not in results:
        bar, report = progress_bar()
        results["assignment"] = sweep.Trained(None, assignment.SETTINGS, make_data(assignment.SETTINGS),
                                              assignment.TABLE_STEPS, sweep.assignment_sweep(on_progress=report))
        bar.empty()
    results["shown"] = "assignment"

shown = results.get("shown")
if shown == "sweep":
    _, produced, shown_data, produced_steps, result = results["sweep"]  # a Trained
    st.caption(t("size.caption.sweep", **described(
        produced, shown_data, sizes=", ".join(str(r.n1) for r in result.results), steps=f"{produced_steps:,}")))
    stale = sweep.differences(produced, settings, "n1", shown_data, data)
    if stale:
        st.warning(t("size.stale", what=names(stale)), icon="⚠️")
elif shown == "assignment":
    _, produced, shown_data, produced_steps, result = results["assignment"]  # a Trained
    st.caption(t("size.caption.assignment", steps=f"{produced_steps:,}"))

if shown:
    rows = sweep.table(result)
    has_test = shown_data.X_test.shape[1] > 0
    published = sweep.has_published(result)
    if published:
        off = sweep.unmatched(result)
        if off:
            st.warning(t("size.mismatch", n1s=", ".join(map(str, off))), icon="⚠️")
        else:
            st.success(t("size.matches"), icon=":material/check_circle:")
    diverged = [r.n1 for r in rows if r.diverged_at is not None]
    if diverged:
        st.warning(t("size.diverged", n1s=", ".join(map(str, diverged))), icon="⚠️")

    columns = {"model": t("size.col.model"), "train": t("size.col.train"), "test": t("size.col.test"),
               "published": t("size.col.published"), "cost": t("size.col.cost"), "steps": t("size.col.steps")}
    table = pd.DataFrame({
        columns["model"]: [t("size.row.n1", n1=r.n1) if r.n1 else t("size.row.baseline") for r in rows],
        columns["train"]: [r.acc_train for r in rows],
        **({columns["test"]: [r.acc_test for r in rows]} if has_test else {}),
        **({columns["published"]: [r.published for r in rows]} if published else {}),
        columns["cost"]: [r.cost_train for r in rows],
        columns["steps"]: pd.array([r.steps for r in rows], dtype="Int64"),
    })
    formats = {"train": "%.2f", "test": "%.2f", "published": "%.2f", "cost": "%.4f", "steps": "localized"}
    config = {columns[c]: st.column_config.NumberColumn(format=f, help=t(f"size.help.col.{c}"))
              for c, f in formats.items()}
    config[columns["model"]] = st.column_config.TextColumn(width=140)
    sized = rows[:-1]
    base = rows[-1]
    t_col, f_col = st.columns([5, 4])
    t_col.dataframe(table, hide_index=True, column_config=config, placeholder=t("metric.none"), key="size.table")
    f_col.plotly_chart(figures.accuracy_figure(
        [r.n1 for r in sized], [r.acc_train for r in sized], [r.acc_test for r in sized] if has_test else None,
        base.acc_train, base.acc_test, [r.published for r in sized] if published else None,
        labels={"title": t("size.fig.accuracy"), "n1": t("size.fig.n1"), "accuracy": t("size.fig.acc"),
                "train": t("size.fig.train"), "test": t("size.fig.test"), "published": t("size.fig.published"),
                "baseline_train": t("size.fig.baseline_train"), "baseline_test": t("size.fig.baseline_test")},
    ), key="size.accuracy", theme=None)

    st.subheader(t("size.boundaries"))
    st.caption(t("size.panels.caption"))
    titles = [t("size.panel.test", n1=r.n1, train=f"{r.acc_train:g}", test=f"{r.acc_test:g}") if has_test
              else t("size.panel", n1=r.n1, train=f"{r.acc_train:g}") for r in sized]
    titles.append(t("size.panel.baseline.test", train=f"{base.acc_train:g}", test=f"{base.acc_test:g}")
                  if has_test else t("size.panel.baseline", train=f"{base.acc_train:g}"))
    probas = [r.proba for r in result.results] + [result.baseline.proba]
    st.plotly_chart(figures.boundaries_figure(
        result.grid.xs, result.grid.ys, list(zip(titles, probas)), *shown_data,
        labels={"boundary": t("fig.boundary.line"), "train_class0": t("fig.train_class0"),
                "train_class1": t("fig.train_class1"), "test_class0": t("fig.test_class0"),
                "test_class1": t("fig.test_class1")},
    ), key="size.boundaries", theme=None)

# -- the learning rates ------------------------------------------------------------
st.divider()
st.header(t("size.section.alpha"))
st.caption(t("size.alpha.intro"))
left, right = st.columns([3, 1])
alphas = sorted(left.multiselect(t("size.alphas"), ALPHAS, default=list(sweep.ALPHAS), format_func=lambda a: f"{a:g}",
                                 key="size.alphas"))
alpha_steps = int(right.number_input(t("size.alpha_steps"), min_value=100, max_value=50_000, value=ALPHA_STEPS,
                                     step=500, key="size.alpha_steps"))
if not alphas:
    st.warning(t("size.no_alphas"), icon="⚠️")
blocked = not alphas or refused("size.what.alphas", [settings.n1], alpha_steps, runs=len(alphas))
b_alphas, b_log, _ = st.columns([1, 1, 2], vertical_alignment="center")
run_alphas = b_alphas.button(t("size.button.alphas"), type="primary", disabled=blocked, key="size.run_alphas",
                             help=t("size.help.alphas"), width="stretch")
log = b_log.toggle(t("size.alpha.log"), key="size.alpha_log")

if run_alphas and not blocked:
    key = sweep.result_key(settings, "alpha", alphas, alpha_steps, data)
    if "alphas" not in results or results["alphas"].key != key:
        bar, report = progress_bar()
        results["alphas"] = sweep.Trained(key, settings, data, alpha_steps,
                                          sweep.alpha_overlay(settings, alphas, alpha_steps, data=data,
                                                              on_progress=report))
        bar.empty()

if "alphas" in results:
    _, produced, produced_data, produced_steps, runs = results["alphas"]  # a Trained
    st.caption(t("size.caption.alphas", **described(
        produced, produced_data, alphas=", ".join(f"{r.alpha:g}" for r in runs), steps=f"{produced_steps:,}")))
    stale = sweep.differences(produced, settings, "alpha", produced_data, data)
    if stale:
        st.warning(t("size.alpha.stale", what=names(stale)), icon="⚠️")
    st.plotly_chart(figures.alpha_figure(
        [(r.alpha, r.steps, r.costs, r.divergence.step if r.divergence else None) for r in runs], log=log,
        labels={"title": t("size.fig.alphas"), "step": t("fig.step"), "cost": "J", "alpha": t("size.fig.alpha"),
                "diverged": t("size.fig.alpha_diverged")},
    ), key="size.alpha_chart", theme=None)
