"""The figures of index.html: written by figures.py exactly as the page template wrote them."""

import markupsafe
from hypothesis import given
from hypothesis import strategies as st

from pipeline.publish.charts import Bar, Chart
from pipeline.publish.figures import escape, figure_html
from pipeline.publish.page import _environment

# The loop of page.html.j2 that figures.py replaces, as it was (a bar's width now that of
# the value's size, for units that may be negative; the value column as wide as the chart's
# longest value): the reference output.
TEMPLATE_LOOP = """\
    {% for c in charts %}
    <figure class="chart" id="chart-{{ c.id }}" style="--value: {{ (c.bars | map(attribute='text') | map('length') | list + [0]) | max }}ch">
      <figcaption><h3>{{ c.title }}</h3><p class="subtitle">{{ c.subtitle }}</p></figcaption>
      <ul class="bars">
      {% for b in c.bars %}
        <li class="{{ 'derived' if b.derived else 'published' }}">
          <details>
            <summary title="{{ b.tooltip }}">
              <span class="label">{{ b.label }}{% if b.derived %}<span class="tag">derived</span>{% endif %}</span>
              <span class="track" role="img" aria-label="{{ b.label }}: {{ b.text }}">
                <span class="fill {{ 'der' if b.derived else 'pub' }}" style="width: {{ '%.2f' | format(100 * (b.value | abs) / c.scale) }}%"></span>
                {% if b.ci %}<span class="ci" style="left: {{ '%.2f' | format(100 * b.ci[0] / c.scale) }}%; width: {{ '%.2f' | format(100 * (b.ci[1] - b.ci[0]) / c.scale) }}%"></span>{% endif %}
              </span>
              <span class="value">{{ b.text }}</span>
            </summary>
            <dl class="evidence">
            {% for k, v in b.notes %}<dt>{{ k }}</dt><dd{% if k == 'Quote' %} lang="fr"{% endif %}>{{ v }}</dd>{% endfor %}
            </dl>
          </details>
        </li>
      {% endfor %}
      </ul>
      {% if c.note %}<p class="note">{{ c.note }}</p>{% endif %}
    </figure>
    {% endfor %}
"""  # noqa: E501


def _by_template(charts: list[Chart]) -> str:
    return _environment().from_string(TEMPLATE_LOOP).render(charts=charts)


text = st.text() | st.sampled_from(["", "<b>", "&amp;", "l'été", 'dit "oui"', "« 53 % »", "\n"])
number = st.floats(-1e6, 1e6)
bar = st.builds(
    Bar,
    label=text,
    value=number,
    text=text,
    low=number,
    high=number,
    derived=st.booleans(),
    tooltip=text,
    notes=st.lists(st.tuples(st.sampled_from(["Quote", "Formula", "<k>", ""]) | text, text)),
    ci=st.none() | st.tuples(number, number),
)
chart = st.builds(
    Chart,
    id=text,
    title=text,
    subtitle=text,
    note=text,
    unit=st.sampled_from(["percent", "count", "euro", "points", "number"]),
    scale=st.sampled_from([100.0, 1.0, 0.5]) | st.floats(1e-3, 1e9),
    bars=st.lists(bar, max_size=4),
)


@given(st.lists(chart, max_size=3))
def test_figures_are_what_the_template_wrote(charts):
    assert "".join(figure_html(c) for c in charts) == _by_template(charts)


@given(st.text() | st.integers() | st.floats())
def test_escape_is_markupsafe_escape(value):
    assert escape(value) == str(markupsafe.escape(value))
