-- Views for analysts who just want to read: labels, base population and quotes joined in.
CREATE VIEW observations AS
SELECT
    o.observation_id,
    s.survey_id,
    s.producer,
    s.year AS survey_year,
    s.margin_of_error AS survey_margin_of_error,
    o.variable_id,
    v.label_en AS variable_label_en,
    v.label_fr AS variable_label_fr,
    v.question_type,
    o.category_id,
    c.label_en AS category_label_en,
    c.label_fr AS category_label_fr,
    o.population_id,
    p.label_en AS population_label_en,
    p.label_fr AS population_label_fr,
    p.parent_population_id,
    o.value,
    o.unit,
    u.symbol AS unit_symbol,
    o.value_low,
    o.value_high,
    u.base_unit,
    o.value * u.factor_to_base AS value_in_base_unit,
    o.qualifier,
    o.ambiguity,
    e.source_id,
    e.quote,
    e.char_start,
    e.char_end,
    e.number_text
FROM fact_observation AS o
JOIN dim_survey AS s USING (survey_id)
JOIN dim_variable AS v USING (variable_id)
JOIN dim_category AS c USING (variable_id, category_id)
JOIN dim_population AS p USING (population_id)
JOIN dim_unit AS u USING (unit)
LEFT JOIN fact_evidence AS e USING (observation_id);
COMMENT ON VIEW observations IS 'One row per observation and quote: the figure with its labels, base population, unit symbol, its value in the base unit of its quantity (hectares as square_metres, hours as minutes), the margin of error its survey states (in points, the largest) and the source passage that states it.';

CREATE VIEW claims AS
SELECT
    c.source_id,
    c.claim_id,
    c.quote,
    c.rule,
    c.verdict,
    c.arithmetic,
    ids.observation_id,
    o.value,
    o.unit,
    v.label_en AS variable_label_en,
    p.label_en AS population_label_en
FROM fact_claim AS c
CROSS JOIN unnest(string_split(c.observation_ids, ' ')) AS ids(observation_id)
JOIN fact_observation AS o ON o.observation_id = ids.observation_id
JOIN dim_variable AS v ON v.variable_id = o.variable_id
JOIN dim_population AS p ON p.population_id = o.population_id;
COMMENT ON VIEW claims IS 'One row per claim and figure it is about: the words of the article, the rule of the lexicon applied, the verdict and its arithmetic, with the figure and its base population.';
-- Where sources differ about a figure: their statements side by side, one row per pair of
-- sources. Rows are paired by comparison_id, which is the observation_id except for a figure
-- stated on two nested bases ('base differs'), whose observations share one comparison_id.
-- Pairs in which both sources agree with the published value are left out.
CREATE VIEW reconciliation AS
SELECT
    a.comparison_id,
    a.source_id AS source_id_a,
    b.source_id AS source_id_b,
    a.status AS status_a,
    b.status AS status_b,
    a.stated_value AS value_a,
    b.stated_value AS value_b,
    a.stated_unit AS unit_a,
    b.stated_unit AS unit_b,
    a.number_text AS number_text_a,
    b.number_text AS number_text_b,
    a.stated_population_id AS stated_population_id_a,
    b.stated_population_id AS stated_population_id_b,
    pa.label_en AS stated_population_label_en_a,
    pb.label_en AS stated_population_label_en_b,
    a.quote AS quote_a,
    b.quote AS quote_b,
    a.observation_id AS observation_id_a,
    b.observation_id AS observation_id_b,
    a.published_value AS published_value_a,
    b.published_value AS published_value_b,
    a.published_unit AS published_unit_a,
    b.published_unit AS published_unit_b,
    a.note AS note_a,
    b.note AS note_b
FROM fact_reconciliation AS a
JOIN fact_reconciliation AS b
    ON b.comparison_id = a.comparison_id AND a.source_id < b.source_id
LEFT JOIN dim_population AS pa ON pa.population_id = a.stated_population_id
LEFT JOIN dim_population AS pb ON pb.population_id = b.stated_population_id
WHERE a.status <> 'agrees' OR b.status <> 'agrees';
COMMENT ON VIEW reconciliation IS 'One row per pair of sources that differ about a figure (value, base, or a base one settles for the other): both statements, values, bases and quotes side by side.';
