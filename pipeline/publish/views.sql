-- Views for analysts who just want to read: labels, base population and quotes joined in.
CREATE VIEW observations AS
SELECT
    o.observation_id,
    s.survey_id,
    s.producer,
    s.year AS survey_year,
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
    o.value_low,
    o.value_high,
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
LEFT JOIN fact_evidence AS e USING (observation_id);
COMMENT ON VIEW observations IS 'One row per observation and quote: the figure with its labels, base population and the source passage that states it.';

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
