-- A finding's position becomes an order key that does not depend on "known exploited" (issue 13): its rank
-- within its SBOM by rating, component label and vulnerability id (ties in the old order), SBOM after SBOM.
-- The list orders by known exploited, rating, then this key: exactly the old order (the matcher's, SBOM by
-- SBOM), but a finding that becomes known exploited no longer moves every finding it passes, so an in-place KEV
-- update rewrites only the findings whose flag changed (ReleaseScanner.orderKeys writes the same keys).
-- The label is Component.label() (the purl, else group/name@version); "C" collation compares as Java's
-- String.compareTo does (they differ only between a character above U+FFFF and one in U+E000-U+FFFF).
-- A release with two SBOMs of one name keeps its positions: its SBOMs cannot be told apart here (a KEV
-- refresh re-scans it instead of updating it in place).
with rows as (
    select release_id, finding_id, position, severity_rank, vulnerability_id,
           coalesce(item->>'sbom', '') as sbom,
           case when (item->'component'->>'purl') <> '' then (item->'component'->>'purl')
                else (case when (item->'component'->>'group') = '' then (item->'component'->>'name')
                           else (item->'component'->>'group') || '/' || (item->'component'->>'name') end)
                     || (case when (item->'component'->>'version') = '' then ''
                              else '@' || (item->'component'->>'version') end)
           end as label
      from findings
     where release_id not in (select release_id from release_sboms group by release_id
                               having count(*) <> count(distinct source))
), blocks as (
    select rows.*, min(position) over (partition by release_id, sbom) as sbom_first from rows
), keyed as (
    select release_id, finding_id,
           (row_number() over (partition by release_id order by sbom_first, severity_rank, label collate "C",
                               vulnerability_id collate "C", position) - 1)::integer as key
      from blocks
)
update findings f set position = k.key
  from keyed k
 where f.release_id = k.release_id and f.finding_id = k.finding_id and f.position <> k.key;
