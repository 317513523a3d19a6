"""The Korean table reads as Korean written in the lecture's words: whole sentences,
and the lecture's own terms where it has one."""

import re

import pytest

from shallownet.ui.i18n import texts
from tests.conftest import ROOT

KO = texts.KO
# the texts in one string, to look words up in
ALL = "\n".join(KO.values())


def listed_terms(text: str) -> list[str]:
    """The lecture's terms a README or docstring lists: "(the lecture's own terms: a, b, c)"."""
    [terms] = re.findall(r"lecture's own\s+terms:?\s*\(?([^)]*)\)", text)
    return [" ".join(term.split()) for term in terms.split(",")]


@pytest.mark.parametrize("where", ["README.md", "shallownet/ui/i18n/ko.py"])
def test_every_lecture_term_the_docs_list_is_used_on_screen(where):
    """The README and ko.py say the Korean uses the lecture's own terms: each of them
    is in some text (비용함수 was listed and never used)."""
    terms = listed_terms((ROOT / where).read_text(encoding="utf-8"))
    assert "비용함수" in terms and len(terms) >= 7
    assert [term for term in terms if term not in ALL] == []


def test_the_cost_j_is_the_lectures_cost_function():
    # the metrics' labels, a fifth of a projector's width, say only J: the charts name it
    assert KO["quantity.cost"] == "비용함수 J" and KO["metric.cost_train"].startswith("J")
    assert "비용 J" not in ALL


def test_the_equations_are_said_to_be_vectorised_as_the_lecture_says():
    assert "벡터화" in KO["eq.example.intro"] and "vectorised" in texts.EN["eq.example.intro"]


def test_one_word_for_a_thing_the_apps_own():
    """예시 for an example, 신경망 for the network, as everywhere else."""
    assert "예제" not in ALL and "네트워크" not in ALL
    assert "예시" in KO["initialisation.zeros_balanced"] and "모두 0인 신경망" in KO["initialisation.zeros_balanced"]


def test_the_noise_is_said_to_be_added_to_each_point_and_a_unit_is_no_ridge():
    assert KO["help.noise"].startswith("각 점에 더하는 노이즈의 표준편차") and "흔들림" not in ALL
    assert "능선" not in ALL and "ridge" not in texts.EN["hidden_units.why"]
# a sentence that stops on a connective ending (…옮겨서. …하고. …하며. …하면.) is a fragment
FRAGMENT = re.compile(r"(서|고|며|면|는데|거나|지만)\.(\s|$)")


def test_no_korean_sentence_stops_on_a_connective_ending():
    fragments = {key: FRAGMENT.search(text).group(0) for key, text in KO.items() if FRAGMENT.search(text)}
    assert not fragments, fragments


@pytest.mark.parametrize("text, fragment", [("옮겨서.", True), ("옮긴 뒤에 실행합니다.", False),
                                            ("보세요. 그리고 다시 오세요.", False), ("이렇게 하면. 끝", True)])
def test_the_fragment_check_tells_a_fragment_from_a_sentence(text, fragment):
    assert bool(FRAGMENT.search(text)) is fragment
