"""The Korean table reads as Korean written in the lecture's words: whole sentences,
and the lecture's own terms where it has one."""

import re

import pytest

from shallownet.ui.i18n import texts

KO = texts.KO
# a sentence that stops on a connective ending (…옮겨서. …하고. …하며. …하면.) is a fragment
FRAGMENT = re.compile(r"(서|고|며|면|는데|거나|지만)\.(\s|$)")


def test_no_korean_sentence_stops_on_a_connective_ending():
    fragments = {key: FRAGMENT.search(text).group(0) for key, text in KO.items() if FRAGMENT.search(text)}
    assert not fragments, fragments


@pytest.mark.parametrize("text, fragment", [("옮겨서.", True), ("옮긴 뒤에 실행합니다.", False),
                                            ("보세요. 그리고 다시 오세요.", False), ("이렇게 하면. 끝", True)])
def test_the_fragment_check_tells_a_fragment_from_a_sentence(text, fragment):
    assert bool(FRAGMENT.search(text)) is fragment
