"""The figures of the survey pages: one <figure> per chart, each bar with the quotes or the formula
behind it.

Written here rather than in survey.html.j2: a release has tens of thousands of bars with about
twenty values each, and the template engine makes an object of every value it escapes, which
took three times as long as these f-strings."""

from pipeline.publish.charts import Bar, Chart

_FRENCH = ' lang="fr"'


def escape(value: object) -> str:
    """`value` as text in HTML, escaped as the page template escapes it (markupsafe)."""
    return (
        str(value)
        .replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def _percent(value: float, scale: float) -> str:
    return escape("%.2f" % (100 * value / scale))


def _bar(b: Bar, scale: float) -> str:
    if b.derived:
        kind, fill, tag = "derived", "der", '<span class="tag">derived</span>'
    else:
        kind, fill, tag = "published", "pub", ""
    ci = (
        f'<span class="ci" style="left: {_percent(b.ci[0], scale)}%; '
        f'width: {_percent(b.ci[1] - b.ci[0], scale)}%"></span>'
        if b.ci
        else ""
    )
    notes = "".join(
        f"<dt>{escape(k)}</dt><dd{_FRENCH if k == 'Quote' else ''}>{escape(v)}</dd>"
        for k, v in b.notes
    )
    label, text = escape(b.label), escape(b.text)
    width = _percent(abs(b.value), scale)  # a negative value's bar is as long as its size
    return (
        f'        <li class="{kind}">\n'
        "          <details>\n"
        f'            <summary title="{escape(b.tooltip)}">\n'
        f'              <span class="label">{label}{tag}</span>\n'
        f'              <span class="track" role="img" aria-label="{label}: {text}">\n'
        f'                <span class="fill {fill}" style="width: {width}%">'
        "</span>\n"
        f"{ci}              </span>\n"
        f'              <span class="value">{text}</span>\n'
        "            </summary>\n"
        '            <dl class="evidence">\n'
        f"{notes}            </dl>\n"
        "          </details>\n"
        "        </li>\n"
    )


def figure_html(c: Chart) -> str:
    """One chart as the <figure> element of its page, indented as the page's lines are."""
    note = f'<p class="note">{escape(c.note)}</p>' if c.note else ""
    bars = "".join(_bar(b, c.scale) for b in c.bars)
    # The value column is as wide as the chart's longest value ("1,150 $ CA" on one line), so
    # that every bar of the chart has the same track.
    widest = max((len(b.text) for b in c.bars), default=0)
    return (
        f'    <figure class="chart" id="chart-{escape(c.id)}" style="--value: {widest}ch">\n'
        f"      <figcaption><h3>{escape(c.title)}</h3>"
        f'<p class="subtitle">{escape(c.subtitle)}</p></figcaption>\n'
        '      <ul class="bars">\n'
        f"{bars}      </ul>\n"
        f"{note}    </figure>\n"
    )
