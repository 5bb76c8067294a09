/** The renderers of a post-quantum plan ({@link dev.tandem.usecase.pqc.PqcPlanResult}): table, JSON, Markdown, HTML. */
package dev.tandem.render.pqc;
