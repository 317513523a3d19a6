"""Presentation mode's figures: every font of the layout larger, the data untouched."""

from shallownet.plots import playground as figures


def test_enlarged_scales_every_font_and_shares_the_data():
    data = [{"type": "scatter", "x": [1, 2], "y": [3, 4]}]
    fig = {"data": data, "layout": {"font": {"size": 15}, "title": {"text": "J", "font": {"size": 18}},
                                    "legend": {"font": {"size": 13}}, "xaxis": {"tickfont": {"size": 10}}}}
    big = figures.enlarged(fig, 1.5)
    assert big["data"] is data
    assert big["layout"]["font"]["size"] == 22.5 and big["layout"]["title"]["font"]["size"] == 27
    assert big["layout"]["legend"]["font"]["size"] == 19.5 and big["layout"]["xaxis"]["tickfont"]["size"] == 15
    assert fig["layout"]["font"]["size"] == 15  # the original is unchanged
    assert figures.enlarged({"data": [], "layout": {}}, 2)["layout"]["font"]["size"] == 24
